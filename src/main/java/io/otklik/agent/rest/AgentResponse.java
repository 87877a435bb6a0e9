package io.otklik.agent.rest;

import java.util.List;

import io.otklik.agent.AgentView;
import io.otklik.agent.TeamId;
import io.otklik.agent.TicketScope;
import io.otklik.identity.Role;

/** An agent: who, which role, which tickets they see, which teams they are in. */
record AgentResponse(long id, String name, String email, Role role, TicketScope scope, List<Long> teamIds) {

    static AgentResponse of(AgentView agent) {
        return new AgentResponse(agent.id().value(), agent.name(), agent.email(), agent.role(), agent.scope(),
                agent.teams().stream().map(TeamId::value).sorted().toList());
    }
}
