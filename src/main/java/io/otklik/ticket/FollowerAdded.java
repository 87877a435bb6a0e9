package io.otklik.ticket;

import java.time.Instant;

import io.otklik.customer.CustomerId;

/** A customer began to follow a ticket: they now receive its public replies in copy. */
public record FollowerAdded(TicketId ticket, CustomerId customer, FollowSource source, Instant at) {
}
