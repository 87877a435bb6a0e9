package io.otklik.ticket;

import io.otklik.agent.AgentDirectory;
import io.otklik.agent.AgentId;
import io.otklik.identity.Accounts;
import io.otklik.identity.CurrentUser;

import org.springframework.stereotype.Component;

/** Tells who is acting on a ticket in the current request: the signed-in agent, or the system. */
@Component
class Actors {

    private final Accounts accounts;
    private final AgentDirectory agents;

    Actors(Accounts accounts, AgentDirectory agents) {
        this.accounts = accounts;
        this.agents = agents;
    }

    Actor current() {
        return accounts.current().map(this::agentActor).orElseGet(Actor::system);
    }

    private Actor agentActor(CurrentUser user) {
        AgentId agent = agents.agentOf(user.id()).orElse(new AgentId(-1));
        return agent.value() < 0 ? Actor.system() : Actor.agent(agent, user.displayName());
    }
}
