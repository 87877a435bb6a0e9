package io.otklik.ticket;

import java.time.Instant;

/** When a ticket arrived and how urgent it is now: what service-level clocks start from. */
public record TicketArrival(TicketId id, Priority priority, Instant arrivedAt) {
}
