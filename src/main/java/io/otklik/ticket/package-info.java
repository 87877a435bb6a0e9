/**
 * Tickets: numbering, status lifecycle, priority, category, assignment, tags, the conversation (public replies
 * and internal notes with attachments) and the history of every change.
 * May use: shared, identity, customer, agent.
 */
@ApplicationModule(displayName = "Tickets", allowedDependencies = {"shared", "identity", "customer", "agent"})
package io.otklik.ticket;

import org.springframework.modulith.ApplicationModule;
