package io.otklik.ticket.rest;

import java.time.Instant;

import io.otklik.ticket.Channel;
import io.otklik.ticket.Priority;
import io.otklik.ticket.Status;
import io.otklik.ticket.TicketSummary;

/** A ticket as one item of a listing; {@code nextDue} is null when no service-level clock runs. */
record TicketRowResponse(long number, String reference, String subject, Status status, Priority priority,
        String category, Channel channel, long requesterId, String requesterName, Long assigneeId,
        String assigneeName, Long teamId, String teamName, Instant createdAt, Instant updatedAt,
        NextDueResponse nextDue) {

    static TicketRowResponse of(TicketSummary t) {
        return new TicketRowResponse(t.id().value(), t.reference(), t.subject(), t.status(), t.priority(),
                t.category(), t.channel(), t.requester().value(), t.requesterName(),
                t.assignee() == null ? null : t.assignee().value(), t.assigneeName(),
                t.team() == null ? null : t.team().value(), t.teamName(), t.createdAt(), t.updatedAt(),
                NextDueResponse.of(t.nextDue()));
    }
}
