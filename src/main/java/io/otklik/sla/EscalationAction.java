package io.otklik.sla;

/** What an escalation rule does when a clock reaches its share of the target. */
public enum EscalationAction {
    /** Tells the ticket's assignee (its team's supervisors while nobody is assigned). */
    NOTIFY_ASSIGNEE,
    /** Tells the supervisors of the ticket's team (all supervisors when it has none). */
    NOTIFY_SUPERVISORS,
    /** Raises the ticket's priority one step (low → medium → high → critical). */
    RAISE_PRIORITY,
    /** Moves the ticket to the rule's team. */
    REASSIGN_TEAM,
    /** Moves the ticket to a team of the next support line (L1 → L2 → L3). */
    NEXT_LINE;

    /** Whether it tells people rather than changing the ticket. */
    public boolean notifies() {
        return this == NOTIFY_ASSIGNEE || this == NOTIFY_SUPERVISORS;
    }
}
