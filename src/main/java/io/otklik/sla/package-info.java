/**
 * Service levels: business calendars, the targets per priority and the times promised to customers.
 * May use: shared, ticket, agent.
 */
@ApplicationModule(displayName = "Service levels", allowedDependencies = {"shared", "ticket", "agent"})
package io.otklik.sla;

import org.springframework.modulith.ApplicationModule;
