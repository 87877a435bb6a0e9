package io.otklik.sla;

import java.util.Objects;

import io.otklik.agent.TeamId;

/**
 * A policy's escalation rule: when a clock of {@code target} has used {@code atPercent} of its target (100 is the
 * breach, 150 half the target again after it), do {@code action} ({@code team} for {@link EscalationAction#REASSIGN_TEAM},
 * else {@code null}). Fires once per clock (and round of a restarting clock); a switched-off rule does nothing.
 */
public record EscalationRule(EscalationRuleId id, SlaPolicyId policy, ClockTarget target, int atPercent,
        EscalationAction action, TeamId team, boolean enabled) {

    public EscalationRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(action, "action");
    }

    /** Whether it fires at or after the breach rather than before it. */
    public boolean atBreach() {
        return atPercent >= 100;
    }
}
