package io.otklik.ticket;

import java.time.Instant;

/** A public reply or an internal note was added to a ticket. */
public record MessageAdded(TicketId ticket, long messageId, MessageKind kind, Actor.Type author, Instant at) {
}
