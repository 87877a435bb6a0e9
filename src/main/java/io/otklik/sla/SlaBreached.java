package io.otklik.sla;

import java.time.Instant;

import io.otklik.ticket.TicketId;

/**
 * A ticket's clock ran past its due time (a rule at 100 % of the target, or a later share) and the rule tells
 * people: {@code action} says whom ({@link EscalationAction#NOTIFY_ASSIGNEE} or
 * {@link EscalationAction#NOTIFY_SUPERVISORS}). {@code round} tells rounds of a restarting clock apart. Published
 * once per rule, clock and round.
 */
public record SlaBreached(TicketId ticket, ClockTarget target, int round, Instant due, EscalationRuleId rule,
        int percent, EscalationAction action, Instant at) {
}
