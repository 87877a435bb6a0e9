/**
 * Service levels: business calendars (kept by administrators, {@link io.otklik.sla.BusinessCalendars}), the ordered
 * policies that say which targets a ticket gets ({@link io.otklik.sla.SlaPolicies}), and the times promised to
 * customers.
 * May use: shared, ticket, agent.
 */
@ApplicationModule(displayName = "Service levels", allowedDependencies = {"shared", "ticket", "agent"})
package io.otklik.sla;

import org.springframework.modulith.ApplicationModule;
