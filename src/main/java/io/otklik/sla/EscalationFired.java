package io.otklik.sla;

import java.time.Instant;

/**
 * An escalation rule that fired for a ticket's clock: when, for which clock (and round), at which share of its
 * target, the action, and what came of it — {@code outcome} NOTIFIED, PRIORITY_RAISED, TEAM_CHANGED, or why nothing
 * changed (HIGHEST_PRIORITY, SAME_TEAM, NO_TEAM, NO_NEXT_LINE) — with {@code detail} the new priority's name or the
 * new team's id. {@code due} is the clock's due time then.
 */
public record EscalationFired(Instant at, ClockTarget target, int round, int percent, EscalationAction action,
        String outcome, String detail, Instant due) {
}
