package io.otklik.ticket;

import java.time.Instant;

/**
 * A ticket was opened (from any channel); {@code assigned} when it was opened with an assignee (listeners that only
 * care about assigned tickets skip the rest without reading them, and without a stored publication).
 */
public record TicketOpened(TicketId ticket, String reference, String channel, String priority, boolean assigned,
        Instant at) {
}
