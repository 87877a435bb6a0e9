/**
 * The agent's workspace: queues with counts and filters, the ticket page, logging a call, and live updates of
 * both over Server-Sent Events.
 * May use: shared, identity, customer, agent, ticket.
 */
@ApplicationModule(displayName = "Agent workspace",
        allowedDependencies = {"shared", "identity", "customer", "agent", "ticket"})
package io.otklik.workspace;

import org.springframework.modulith.ApplicationModule;
