package io.otklik.notification;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.otklik.agent.AgentDirectory;
import io.otklik.agent.AgentId;
import io.otklik.agent.AgentView;
import io.otklik.agent.TeamId;
import io.otklik.identity.Role;
import io.otklik.sla.ClockTarget;
import io.otklik.sla.EscalationAction;
import io.otklik.sla.EscalationRuleId;
import io.otklik.sla.SlaBreached;
import io.otklik.sla.SlaWarning;
import io.otklik.ticket.TicketDetails;
import io.otklik.ticket.TicketId;
import io.otklik.ticket.TicketQueries;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells agents what the service-level escalation rules ask: a deadline coming ({@link SlaWarning}) or missed
 * ({@link SlaBreached}), to the ticket's assignee or to the supervisors. Supervisors are the staff with the
 * supervisor role in the ticket's team; all of them when the ticket has no team or its team has no supervisor, so a
 * missed deadline is never told to nobody. An assignee-rule on an unassigned ticket goes to the supervisors.
 */
@Component
class WarnAgentsOfDeadlines {

    private final TicketQueries tickets;
    private final AgentDirectory agents;
    private final Notices notices;
    private final Notifier notifier;
    private final MessageSource messages;
    private final Clock clock;
    private final ZoneId zone;

    WarnAgentsOfDeadlines(TicketQueries tickets, AgentDirectory agents, Notices notices, Notifier notifier,
            MessageSource messages, Clock clock, @Value("${otklik.time-zone}") String zone) {
        this.tickets = tickets;
        this.agents = agents;
        this.notices = notices;
        this.notifier = notifier;
        this.messages = messages;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    @ApplicationModuleListener
    void on(SlaWarning event) {
        tell(NotificationKind.SLA_WARNING, event.ticket(), event.target(), event.round(), event.rule(),
                event.percent(), event.action(), event.due());
    }

    @ApplicationModuleListener
    void on(SlaBreached event) {
        tell(NotificationKind.SLA_BREACHED, event.ticket(), event.target(), event.round(), event.rule(),
                event.percent(), event.action(), event.due());
    }

    private void tell(NotificationKind kind, TicketId id, ClockTarget target, int round, EscalationRuleId rule,
            int percent, EscalationAction action, Instant due) {
        TicketDetails ticket = tickets.details(id);
        Set<AgentId> recipients = new LinkedHashSet<>();
        if (action == EscalationAction.NOTIFY_ASSIGNEE && ticket.assignee() != null) {
            recipients.add(ticket.assignee());
        } else {
            supervisors(ticket.team()).forEach(recipients::add);
        }
        Instant now = clock.instant();
        for (AgentId agent : recipients) {
            // One notice per rule, clock round and person: the event delivered twice sends nothing more.
            String key = "sla:" + id.value() + ":" + target + ":" + round + ":" + rule.value() + ":" + agent.value();
            notifier.send(notices.forAgent(key, kind, ticket, agent, language -> Map.of(
                    "sla.target", messages.getMessage("notification.sla.target." + target.name(), null,
                            target.name(), language),
                    "sla.percent", Integer.toString(percent),
                    "due.at", due == null ? "" : AnswerTime.format(due, now, zone, language))));
        }
    }

    private List<AgentId> supervisors(TeamId team) {
        List<AgentView> all = agents.agents().stream().filter(agent -> agent.role() == Role.SUPERVISOR).toList();
        List<AgentView> ofTeam = team == null ? List.of()
                : all.stream().filter(agent -> agent.teams().contains(team)).toList();
        return (ofTeam.isEmpty() ? all : ofTeam).stream().map(AgentView::id).toList();
    }
}
