package io.otklik.ticket;

import java.time.Instant;

import io.otklik.customer.CustomerId;

/** A customer no longer follows a ticket. */
public record FollowerRemoved(TicketId ticket, CustomerId customer, Instant at) {
}
