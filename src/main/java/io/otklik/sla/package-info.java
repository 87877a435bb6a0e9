/**
 * Service levels: business calendars (kept by administrators, {@link io.otklik.sla.BusinessCalendars}), the targets
 * per priority and the times promised to customers.
 * May use: shared, ticket, agent.
 */
@ApplicationModule(displayName = "Service levels", allowedDependencies = {"shared", "ticket", "agent"})
package io.otklik.sla;

import org.springframework.modulith.ApplicationModule;
