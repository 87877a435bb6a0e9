package io.otklik.sla;

import java.util.ArrayList;
import java.util.List;

import io.otklik.agent.TeamId;

/**
 * An escalation rule as an administrator writes it: the clock target, the share of the target it fires at (percent,
 * {@value #MIN_PERCENT}–{@value #MAX_PERCENT}; 100 is the breach), the action and, to reassign, the team. A team
 * given for another action is dropped. {@link #problems()} tells what is wrong without looking anything up.
 */
public record EscalationRuleDetails(ClockTarget target, Integer atPercent, EscalationAction action, TeamId team) {

    public static final int MIN_PERCENT = 1;
    public static final int MAX_PERCENT = 1000;

    public EscalationRuleDetails {
        team = action == EscalationAction.REASSIGN_TEAM ? team : null;
    }

    /** What is wrong, each next to its field ({@code target}, {@code atPercent}, {@code action}, {@code team}). */
    public List<PolicyProblem> problems() {
        List<PolicyProblem> problems = new ArrayList<>();
        if (target == null) {
            problems.add(new PolicyProblem("target", "sla-escalation.target-required"));
        }
        if (atPercent == null) {
            problems.add(new PolicyProblem("atPercent", "sla-escalation.percent-required"));
        } else if (atPercent < MIN_PERCENT || atPercent > MAX_PERCENT) {
            problems.add(new PolicyProblem("atPercent", "sla-escalation.percent-range", MIN_PERCENT, MAX_PERCENT));
        }
        if (action == null) {
            problems.add(new PolicyProblem("action", "sla-escalation.action-required"));
        } else if (action == EscalationAction.REASSIGN_TEAM && team == null) {
            problems.add(new PolicyProblem("team", "sla-escalation.team-required"));
        }
        return problems;
    }

    /** Whether {@code rule} does the same thing at the same point. */
    boolean sameAs(EscalationRule rule) {
        return rule.target() == target && atPercent != null && rule.atPercent() == atPercent
                && rule.action() == action && java.util.Objects.equals(rule.team(), team);
    }
}
