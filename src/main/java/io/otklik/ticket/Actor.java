package io.otklik.ticket;

import io.otklik.agent.AgentId;
import io.otklik.customer.CustomerId;

/** Who did something to a ticket: an agent, the customer, or the system itself. */
public record Actor(Type type, Long id, String name) {

    public enum Type {
        AGENT, CUSTOMER, SYSTEM
    }

    public static Actor agent(AgentId id, String name) {
        return new Actor(Type.AGENT, id.value(), name);
    }

    public static Actor customer(CustomerId id, String name) {
        return new Actor(Type.CUSTOMER, id.value(), name);
    }

    public static Actor system() {
        return new Actor(Type.SYSTEM, null, "Otklik");
    }
}
