package io.otklik.ticket;

import java.time.Instant;

/** A ticket was opened (from any channel). */
public record TicketOpened(TicketId ticket, String reference, String channel, String priority, Instant at) {
}
