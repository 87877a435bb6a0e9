package io.otklik.ticket;

import java.time.Instant;

import io.otklik.agent.AgentId;
import io.otklik.agent.TeamId;
import io.otklik.customer.CustomerId;

/**
 * A ticket as one row of a queue. Names are resolved for display; ids stay for links. {@code nextDue} is its next
 * service-level due time, {@code null} when no clock runs.
 */
public record TicketSummary(TicketId id, String reference, String subject, Status status, Priority priority,
        String category, Channel channel, CustomerId requester, String requesterName, AgentId assignee,
        String assigneeName, TeamId team, String teamName, Instant createdAt, Instant updatedAt, NextDue nextDue) {
}
