package io.otklik.sla;

import java.time.Instant;

/** One step of a ticket's service-level timeline: when, what happened to which clock, and why. */
public record TimelineEntry(Instant at, TimelineKind kind, ClockTarget target, ClockReason reason) {
}
