package io.otklik.ticket;

/** Identifies a ticket; its value is the ticket's number. */
public record TicketId(long value) {
}
