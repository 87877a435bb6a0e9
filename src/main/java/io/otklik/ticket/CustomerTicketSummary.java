package io.otklik.ticket;

import java.time.Instant;

import io.otklik.customer.CustomerId;

/** A ticket as one line of a customer's "My requests". */
public record CustomerTicketSummary(TicketId id, String reference, String subject, Status status, Instant createdAt,
        Instant updatedAt, CustomerId requester, String requesterName) {
}
