package io.otklik.ticket;

/**
 * Where a customer's message went: {@code ticket} is the ticket that took it; {@code followUp} says a new ticket
 * was opened for it because the one answered was closed.
 */
public record CustomerReply(TicketId ticket, long messageId, boolean followUp) {
}
