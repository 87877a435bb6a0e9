/**
 * Service levels: business calendars (kept by administrators, {@link io.otklik.sla.BusinessCalendars}), the ordered
 * policies that say which targets a ticket gets ({@link io.otklik.sla.SlaPolicies}), the times promised to
 * customers, and the escalation rules that warn and act as clocks near and pass their targets
 * ({@link io.otklik.sla.SlaWarning}, {@link io.otklik.sla.SlaBreached}).
 * May use: shared, ticket, agent.
 */
@ApplicationModule(displayName = "Service levels", allowedDependencies = {"shared", "ticket", "agent"})
package io.otklik.sla;

import org.springframework.modulith.ApplicationModule;
