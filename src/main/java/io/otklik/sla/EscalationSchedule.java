package io.otklik.sla;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.otklik.shared.NotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Decides when a running clock is to be looked at next ({@code sla_clock.next_check_at}: the earliest moment one of
 * its policy's rules that has not fired for it falls due; none for a clock with no such rule) and which rules are due
 * now. Rules and what fired are read for a batch of tickets at once ({@link #plan}).
 */
@Component
class EscalationSchedule {

    private final EscalationRuleRows rules;
    private final BusinessCalendars calendars;
    private final SlaPolicies policies;
    private final JdbcClient jdbc;

    EscalationSchedule(EscalationRuleRows rules, BusinessCalendars calendars, SlaPolicies policies,
            JdbcClient jdbc) {
        this.rules = rules;
        this.calendars = calendars;
        this.policies = policies;
        this.jdbc = jdbc;
    }

    /**
     * A running clock as kept in its row: the business time {@code used} before {@code runningSince} (whole
     * seconds, as stored), its {@code allowed} target and {@code due} time.
     */
    record Running(long ticket, ClockTarget target, int round, SlaPolicyId policy, BusinessCalendarId calendar,
            Duration allowed, Duration used, Instant runningSince, Instant due) {

        /** The columns of {@code sla_clock} that {@link #read} reads. */
        static final String COLUMNS = "ticket_id, target, rounds, policy_id, calendar_id, target_minutes, "
                + "used_seconds, running_since, due_at";

        static Running read(ResultSet rs, int row) throws SQLException {
            OffsetDateTime since = rs.getObject("running_since", OffsetDateTime.class);
            OffsetDateTime due = rs.getObject("due_at", OffsetDateTime.class);
            return new Running(rs.getLong("ticket_id"), ClockTarget.valueOf(rs.getString("target")),
                    rs.getInt("rounds"), new SlaPolicyId(rs.getLong("policy_id")),
                    new BusinessCalendarId(rs.getLong("calendar_id")), Duration.ofMinutes(rs.getLong("target_minutes")),
                    Duration.ofSeconds(rs.getLong("used_seconds")), since == null ? null : since.toInstant(),
                    due == null ? null : due.toInstant());
        }

        static Running of(long ticket, SlaClock clock) {
            return new Running(ticket, clock.target(), clock.rounds(), clock.policy(), clock.calendar(),
                    clock.allowed(), Duration.ofSeconds(clock.used().toSeconds()), clock.runningSince(),
                    clock.due());
        }
    }

    /** One rule's firing for one clock round: the key that lets it happen once. */
    record Firing(long ticket, ClockTarget target, int round, long rule) {
    }

    /** What is due for a clock now, in order of the share of the target, and when to look at it next. */
    record Decision(List<EscalationRule> due, Instant next) {
    }

    /** The rules switched on and what fired for these tickets: enough to decide for their clocks. */
    Plan plan(Collection<Long> tickets) {
        if (tickets.isEmpty()) {
            return new Plan(Map.of(), new HashSet<>());
        }
        Map<SlaPolicyId, List<EscalationRule>> enabled = rules.enabled();
        Set<Firing> fired = new HashSet<>();
        if (!enabled.isEmpty()) {
            List<Long> ids = tickets.stream().distinct().toList();
            for (int from = 0; from < ids.size(); from += 1000) {
                jdbc.sql("select ticket_id, target, clock_round, rule_id from sla_escalation_fired "
                                + "where ticket_id in (:ids)")
                        .param("ids", ids.subList(from, Math.min(ids.size(), from + 1000)))
                        .query((rs, n) -> new Firing(rs.getLong(1), ClockTarget.valueOf(rs.getString(2)),
                                rs.getInt(3), rs.getLong(4)))
                        .list().forEach(fired::add);
            }
        }
        return new Plan(enabled, fired);
    }

    /** Decisions for a batch of clocks, made with the rules and firings read once. */
    final class Plan {

        private final Map<SlaPolicyId, List<EscalationRule>> enabled;
        private final Set<Firing> fired;

        Plan(Map<SlaPolicyId, List<EscalationRule>> enabled, Set<Firing> fired) {
            this.enabled = enabled;
            this.fired = fired;
        }

        /** When to look at the clock next; {@code null} when no rule is left to fire for it. */
        Instant nextCheck(Running clock) {
            return decide(clock, null).next();
        }

        /**
         * The rules due for the clock at {@code now} (none when {@code now} is {@code null}) and the moment the
         * first of the others falls due.
         */
        Decision decide(Running clock, Instant now) {
            List<EscalationRule> candidates = enabled.getOrDefault(clock.policy(), List.of());
            if (candidates.isEmpty() || clock.allowed() == null || clock.runningSince() == null) {
                return new Decision(List.of(), null);
            }
            List<EscalationRule> due = new ArrayList<>();
            Instant next = null;
            BusinessTime time = null;
            Duration cap = null;
            for (EscalationRule rule : candidates) {
                if (rule.target() != clock.target()
                        || fired.contains(new Firing(clock.ticket(), clock.target(), clock.round(), rule.id().value()))) {
                    continue;
                }
                if (time == null) {
                    time = time(clock.calendar());
                    cap = clock.target() == ClockTarget.FIRST_RESPONSE ? cap(clock.policy()) : null;
                }
                Instant at = TargetShares.reached(rule.atPercent(), clock.target(), clock.allowed(), clock.used(),
                        clock.runningSince(), clock.due(), cap, time);
                if (now != null && !at.isAfter(now)) {
                    due.add(rule);
                } else if (next == null || at.isBefore(next)) {
                    next = at;
                }
            }
            return new Decision(due, next);
        }

        /** Remembers a firing made after the plan was read, so that later decisions leave it out. */
        void fired(Running clock, EscalationRule rule) {
            fired.add(new Firing(clock.ticket(), clock.target(), clock.round(), rule.id().value()));
        }
    }

    private BusinessTime time(BusinessCalendarId calendar) {
        try {
            return calendars.time(calendar);
        } catch (NotFoundException deletedMeanwhile) {
            // A calendar in use cannot be deleted; one deleted under a recompute counts on the default one until
            // the recompute its deletion starts.
            return calendars.standardTime();
        }
    }

    private Duration cap(SlaPolicyId policy) {
        try {
            return policies.get(policy).firstResponseCap();
        } catch (NotFoundException deletedMeanwhile) {
            return null;
        }
    }
}
