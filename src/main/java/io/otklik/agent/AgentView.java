package io.otklik.agent;

import java.util.Set;

import io.otklik.identity.Role;
import io.otklik.identity.UserId;

/** An agent as listed: who, which role, which teams. */
public record AgentView(AgentId id, UserId userId, String name, String email, Role role, TicketScope scope,
        Set<TeamId> teams) {
}
