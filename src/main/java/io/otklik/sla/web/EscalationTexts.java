package io.otklik.sla.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.otklik.agent.AgentDirectory;
import io.otklik.agent.TeamId;
import io.otklik.agent.TeamView;
import io.otklik.sla.EscalationFired;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The escalation rules that fired for a ticket as steps of its service-level timeline ({@code ESCALATED}): which
 * clock, at which share of its target, and what came of it.
 */
@Component
class EscalationTexts {

    static final String KIND = "ESCALATED";

    private final MessageSource messages;
    private final AgentDirectory agents;

    EscalationTexts(MessageSource messages, AgentDirectory agents) {
        this.messages = messages;
        this.agents = agents;
    }

    List<ClockTexts.Step> steps(List<EscalationFired> fired, Locale locale) {
        List<ClockTexts.Step> steps = new ArrayList<>(fired.size());
        for (EscalationFired one : fired) {
            String when = one.percent() == 100 ? msg(locale, "sla-escalation.when.breach")
                    : msg(locale, one.percent() < 100 ? "sla-escalation.when.before" : "sla-escalation.when.after",
                            Integer.toString(one.percent()));
            steps.add(new ClockTexts.Step(one.at(), KIND, one.target().name(), msg(locale, "sla.step",
                    msg(locale, "sla.target." + one.target()), msg(locale, "sla-escalation.kind." + KIND),
                    msg(locale, "sla-escalation.step", when, outcome(one, locale)))));
        }
        return steps;
    }

    private String outcome(EscalationFired fired, Locale locale) {
        return switch (fired.outcome()) {
            case "NOTIFIED" -> msg(locale, "history.escalation." + fired.action());
            case "PRIORITY_RAISED" -> msg(locale, "sla-escalation.outcome.PRIORITY_RAISED",
                    msg(locale, "enum.Priority." + fired.detail()));
            case "TEAM_CHANGED", "SAME_TEAM" -> msg(locale, "sla-escalation.outcome." + fired.outcome(),
                    team(fired.detail()));
            default -> messages.getMessage("sla-escalation.outcome." + fired.outcome(), null, fired.outcome(),
                    locale);
        };
    }

    private String team(String id) {
        try {
            return agents.team(new TeamId(Long.parseLong(id))).map(TeamView::name).orElse("#" + id);
        } catch (NumberFormatException e) {
            return String.valueOf(id);
        }
    }

    private String msg(Locale locale, String key, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }
}
