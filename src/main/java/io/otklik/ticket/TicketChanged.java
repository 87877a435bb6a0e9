package io.otklik.ticket;

import java.time.Instant;
import java.util.List;

/**
 * Fields of a ticket changed (status, priority, assignee, team, category, tags, subject). Followers are no field of
 * the ticket: see {@link FollowerAdded} and {@link FollowerRemoved}.
 */
public record TicketChanged(TicketId ticket, List<String> fields, Instant at) {

    /**
     * Not a field of the ticket but of its requester: the customer's segments changed (the ticket itself did not, and
     * has no history line for it). Matters to what matches on segments, such as service-level policies.
     */
    public static final String SEGMENTS = "segments";
}
