package io.otklik.ticket;

import java.time.Instant;
import java.util.List;

import io.otklik.customer.CustomerId;

/**
 * A ticket as its customer sees it: the public conversation only (never internal notes), with attachments, and
 * the tickets linked to it that the customer may see.
 */
public record CustomerTicketView(TicketId id, String reference, String subject, Status status, Instant createdAt,
        Instant updatedAt, CustomerId requester, String requesterName, List<MessageView> messages,
        List<TicketLinkView> links) {

    public boolean solved() {
        return status == Status.SOLVED;
    }

    public boolean closed() {
        return status == Status.CLOSED;
    }
}
