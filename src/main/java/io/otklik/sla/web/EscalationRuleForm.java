package io.otklik.sla.web;

import java.util.ArrayList;
import java.util.List;

import io.otklik.agent.TeamId;
import io.otklik.sla.ClockTarget;
import io.otklik.sla.EscalationAction;
import io.otklik.sla.EscalationRuleDetails;
import io.otklik.sla.PolicyProblem;

/**
 * The form that adds an escalation rule: the clock target, the share of the target in percent ({@code 80}, also
 * {@code 80 %}), the action and, to reassign, the team, as typed. {@link #read()} says what cannot be read.
 */
record EscalationRuleForm(String target, String atPercent, String action, String team) {

    /** An empty form: warn the assignee at 80 % of the first response target. */
    static EscalationRuleForm blank() {
        return new EscalationRuleForm(ClockTarget.FIRST_RESPONSE.name(), "80", EscalationAction.NOTIFY_ASSIGNEE.name(),
                "");
    }

    /** The rule as far as it can be read, and the fields that cannot be read at all. */
    record Read(EscalationRuleDetails details, List<PolicyProblem> problems) {
    }

    Read read() {
        List<PolicyProblem> problems = new ArrayList<>();
        ClockTarget readTarget = null;
        if (!blank(target)) {
            try {
                readTarget = ClockTarget.valueOf(target.strip());
            } catch (IllegalArgumentException e) {
                problems.add(new PolicyProblem("target", "sla-escalation.target-unknown"));
            }
        }
        Integer percent = null;
        if (!blank(atPercent)) {
            String digits = atPercent.strip().replaceFirst("\\s*%$", "");
            try {
                percent = Integer.valueOf(digits);
            } catch (NumberFormatException e) {
                problems.add(new PolicyProblem("atPercent", "sla-escalation.percent-unreadable", atPercent.strip()));
            }
        }
        EscalationAction readAction = null;
        if (!blank(action)) {
            try {
                readAction = EscalationAction.valueOf(action.strip());
            } catch (IllegalArgumentException e) {
                problems.add(new PolicyProblem("action", "sla-escalation.action-unknown"));
            }
        }
        TeamId readTeam = null;
        if (readAction == EscalationAction.REASSIGN_TEAM && !blank(team)) {
            try {
                readTeam = new TeamId(Long.parseLong(team.strip()));
            } catch (NumberFormatException e) {
                problems.add(new PolicyProblem("team", "sla-escalation.team-unknown", team.strip()));
            }
        }
        return new Read(new EscalationRuleDetails(readTarget, percent, readAction, readTeam), problems);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
