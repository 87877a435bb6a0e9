package io.otklik.system;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Turns on the application's periodic tasks (live-update heartbeats, later SLA scans). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class Scheduling {
}
