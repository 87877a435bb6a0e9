package io.otklik.ticket;

import java.time.Instant;
import java.util.Set;

import io.otklik.agent.AgentId;
import io.otklik.agent.TeamId;
import io.otklik.customer.CustomerCard;

/**
 * Everything about one ticket but its conversation and history. {@code version} guards concurrent edits;
 * {@code nextDue} is its next service-level due time, {@code null} when no clock runs.
 */
public record TicketDetails(TicketId id, String reference, String subject, Status status, Priority priority,
        Long categoryId, String category, Channel channel, CustomerCard requester, AgentId assignee,
        String assigneeName, TeamId team, String teamName, Set<String> tags, Instant createdAt, Instant updatedAt,
        Instant solvedAt, long version, NextDue nextDue) {
}
