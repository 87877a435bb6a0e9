package io.otklik.ticket;

import io.otklik.agent.AgentId;
import io.otklik.agent.TeamId;

/** What rules acting on a ticket look at: its status, priority, team and assignee ({@code null} for none). */
public record TicketState(TicketId id, Status status, Priority priority, TeamId team, AgentId assignee) {
}
