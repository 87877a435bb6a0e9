/**
 * Channels: how messages reach customers and come back. The outbound side (an outbox every send goes through,
 * with retries) and one sub-package per channel: {@code email} (SMTP out, the sandbox mail server), {@code webform}.
 * May use: shared, identity, customer, ticket, sla (the web form tells the sender by when we will answer; ADR 0006).
 */
@ApplicationModule(displayName = "Channels", allowedDependencies = {"shared", "identity", "customer", "ticket", "sla"})
package io.otklik.channel;

import org.springframework.modulith.ApplicationModule;
