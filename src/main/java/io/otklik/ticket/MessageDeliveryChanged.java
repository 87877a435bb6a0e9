package io.otklik.ticket;

import java.time.Instant;

/** Whether a public reply reached the customer changed: queued again, sent, or failed. */
public record MessageDeliveryChanged(TicketId ticket, long messageId, Delivery delivery, Instant at) {
}
