package io.otklik.ticket;

import java.time.Instant;
import java.util.List;

/**
 * Fields of a ticket changed (status, priority, assignee, team, category, tags, subject). Followers are no field of
 * the ticket: see {@link FollowerAdded} and {@link FollowerRemoved}.
 */
public record TicketChanged(TicketId ticket, List<String> fields, Instant at) {
}
