package io.otklik.ticket;

/**
 * An agent moved a message from one ticket to another, or split it off into a new ticket ({@code to} is then the new
 * one). Its attachments went with it; both tickets also report a {@link TicketChanged}.
 */
public record MessageMoved(long messageId, TicketId from, TicketId to) {
}
