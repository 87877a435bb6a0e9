package io.otklik.sla;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import io.otklik.agent.AgentDirectory;
import io.otklik.agent.AgentId;
import io.otklik.agent.SupportLine;
import io.otklik.agent.TeamId;
import io.otklik.agent.TeamView;
import io.otklik.ticket.Priority;
import io.otklik.ticket.TicketChanges;
import io.otklik.ticket.TicketState;
import io.otklik.ticket.TicketId;
import io.otklik.ticket.TicketUpdates;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Carries out a due escalation rule for a clock, once: the firing is recorded first ({@code sla_escalation_fired},
 * whose key refuses a second one), then the action is done in the same transaction — an event for the notification
 * module to tell people, or a change of the ticket by the system with a history line naming the rule.
 */
@Component
class EscalationActions {

    /** What came of a firing, as recorded: the outcome and, for a change, the new priority or team id. */
    record Result(String outcome, String detail) {

        /** Whether the ticket was changed (priority or team). */
        boolean changed() {
            return outcome.equals("PRIORITY_RAISED") || outcome.equals("TEAM_CHANGED");
        }
    }

    private final TicketUpdates updates;
    private final AgentDirectory agents;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;

    EscalationActions(TicketUpdates updates, AgentDirectory agents, ApplicationEventPublisher events,
            JdbcClient jdbc) {
        this.updates = updates;
        this.agents = agents;
        this.events = events;
        this.jdbc = jdbc;
    }

    /**
     * Fires the rule for the clock unless it fired before (on this node or another).
     *
     * @return what came of it; empty when it had fired before
     */
    Optional<Result> fire(EscalationSchedule.Running clock, EscalationRule rule, TicketState ticket,
            Instant now) {
        int recorded = jdbc.sql("""
                insert into sla_escalation_fired (ticket_id, target, clock_round, rule_id, fired_at, due_at,
                                                  at_percent, action, outcome)
                values (:ticket, :target, :round, :rule, :now, :due, :percent, :action, 'FIRING')
                on conflict do nothing""")
                .param("ticket", clock.ticket()).param("target", clock.target().name())
                .param("round", clock.round()).param("rule", rule.id().value()).param("now", utc(now))
                .param("due", utc(clock.due())).param("percent", rule.atPercent())
                .param("action", rule.action().name()).update();
        if (recorded == 0) {
            return Optional.empty();
        }
        Result result = act(clock, rule, ticket, now);
        jdbc.sql("""
                update sla_escalation_fired set outcome = :outcome, detail = :detail
                where ticket_id = :ticket and target = :target and clock_round = :round and rule_id = :rule""")
                .param("outcome", result.outcome()).param("detail", result.detail())
                .param("ticket", clock.ticket()).param("target", clock.target().name())
                .param("round", clock.round()).param("rule", rule.id().value()).update();
        return Optional.of(result);
    }

    private Result act(EscalationSchedule.Running clock, EscalationRule rule, TicketState ticket, Instant now) {
        TicketId id = new TicketId(clock.ticket());
        return switch (rule.action()) {
            case NOTIFY_ASSIGNEE, NOTIFY_SUPERVISORS -> {
                events.publishEvent(rule.atBreach()
                        ? new SlaBreached(id, clock.target(), clock.round(), clock.due(), rule.id(), rule.atPercent(),
                                rule.action(), now)
                        : new SlaWarning(id, clock.target(), clock.round(), clock.due(), rule.id(), rule.atPercent(),
                                rule.action(), now));
                yield new Result("NOTIFIED", null);
            }
            case RAISE_PRIORITY -> {
                if (ticket.priority() == Priority.CRITICAL) {
                    yield new Result("HIGHEST_PRIORITY", null);
                }
                Priority raised = Priority.values()[ticket.priority().ordinal() - 1];
                updates.escalate(id, TicketChanges.none().withPriority(raised), code(clock, rule));
                yield new Result("PRIORITY_RAISED", raised.name());
            }
            case REASSIGN_TEAM -> moveTo(clock, rule, ticket,
                    rule.team() == null ? Optional.empty() : agents.team(rule.team()));
            case NEXT_LINE -> moveTo(clock, rule, ticket, nextLineTeam(ticket));
        };
    }

    private Result moveTo(EscalationSchedule.Running clock, EscalationRule rule, TicketState ticket,
            Optional<TeamView> team) {
        if (team.isEmpty()) {
            return new Result(rule.action() == EscalationAction.NEXT_LINE ? "NO_NEXT_LINE" : "NO_TEAM", null);
        }
        TeamId to = team.get().id();
        if (to.equals(ticket.team())) {
            return new Result("SAME_TEAM", Long.toString(to.value()));
        }
        TicketChanges changes = TicketChanges.none().withTeam(to);
        AgentId assignee = ticket.assignee();
        if (assignee != null && !agents.agent(assignee).teams().contains(to)) {
            // The ticket goes to the team's queue: an assignee outside the team would keep it out of their sight.
            changes = changes.withAssignee(null);
        }
        updates.escalate(ticket.id(), changes, code(clock, rule));
        return new Result("TEAM_CHANGED", Long.toString(to.value()));
    }

    /** The first team (by name) of the line after the ticket's team's; a ticket without a team is on the first. */
    private Optional<TeamView> nextLineTeam(TicketState ticket) {
        SupportLine line = ticket.team() == null ? SupportLine.L1
                : agents.team(ticket.team()).map(TeamView::line).orElse(SupportLine.L1);
        if (line.ordinal() + 1 >= SupportLine.values().length) {
            return Optional.empty();
        }
        SupportLine next = SupportLine.values()[line.ordinal() + 1];
        return agents.teams().stream().filter(team -> team.line() == next).findFirst();
    }

    /** The history line's code: {@code sla:<target>:<percent>:<action>}. */
    static String code(EscalationSchedule.Running clock, EscalationRule rule) {
        return "sla:" + clock.target().name() + ":" + rule.atPercent() + ":" + rule.action().name();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
