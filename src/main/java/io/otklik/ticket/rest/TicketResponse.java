package io.otklik.ticket.rest;

import java.time.Instant;
import java.util.List;

import io.otklik.customer.CustomerCard;
import io.otklik.ticket.Channel;
import io.otklik.ticket.Priority;
import io.otklik.ticket.Status;
import io.otklik.ticket.TicketDetails;

/**
 * One ticket with its requester and tags; {@code version} is what a later change may send back; {@code nextDue} is
 * null when no service-level clock runs.
 */
record TicketResponse(long number, String reference, String subject, Status status, Priority priority,
        Long categoryId, String category, Channel channel, RequesterCard requester, Long assigneeId, String assigneeName,
        Long teamId, String teamName, List<String> tags, Instant createdAt, Instant updatedAt, Instant solvedAt,
        long version, NextDueResponse nextDue) {

    static TicketResponse of(TicketDetails t) {
        return new TicketResponse(t.id().value(), t.reference(), t.subject(), t.status(), t.priority(),
                t.categoryId(), t.category(), t.channel(), RequesterCard.of(t.requester()),
                t.assignee() == null ? null : t.assignee().value(), t.assigneeName(),
                t.team() == null ? null : t.team().value(), t.teamName(), t.tags().stream().sorted().toList(),
                t.createdAt(), t.updatedAt(), t.solvedAt(), t.version(), NextDueResponse.of(t.nextDue()));
    }

    /** The requester's card as agents see it. */
    record RequesterCard(long id, String name, String email, String phone, Long organizationId,
            String organizationName) {

        static RequesterCard of(CustomerCard card) {
            return new RequesterCard(card.id().value(), card.name(), card.email(), card.phone(),
                    card.organizationId() == null ? null : card.organizationId().value(), card.organizationName());
        }
    }
}
