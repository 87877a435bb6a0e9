package io.otklik.sla;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import io.otklik.shared.NotFoundException;
import io.otklik.shared.RuleViolationException;
import io.otklik.ticket.TicketId;
import io.otklik.ticket.TicketTrail;
import io.otklik.ticket.TicketTrails;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Tries a new or changed service-level policy on past tickets before it is saved or switched on: the tickets opened
 * in the last days are clocked again from their trails with the list of policies as it would be (the candidate, on,
 * in its place: a changed policy where it stands, a new one just above the default), and for each target the
 * candidate would count, its breach rate is put beside the real one (from the kept clocks). Nothing is saved. Trails
 * are read a page at a time and at most {@link #MAX_TICKETS} tickets, the newest, are tried.
 */
@Service
public class PolicyDryRun {

    public static final int DEFAULT_DAYS = 30;
    public static final int MAX_DAYS = 180;
    /** The most tickets one dry run clocks: the newest of the period. */
    public static final int MAX_TICKETS = 20_000;
    /** Tickets whose trails are read at once. */
    static final int PAGE = 500;
    /** Example tickets shown per target and direction. */
    public static final int EXAMPLES = 5;
    /** The targets compared: those with a clear met or missed per ticket (periodic updates are not). */
    public static final List<ClockTarget> TARGETS = List.of(ClockTarget.FIRST_RESPONSE, ClockTarget.NEXT_RESPONSE,
            ClockTarget.RESOLUTION);
    /** The id the candidate counts under when it is a new policy. */
    static final SlaPolicyId NEW = new SlaPolicyId(0);

    private final SlaPolicies policies;
    private final BusinessCalendars calendars;
    private final CalendarRows calendarRows;
    private final TicketTrails trails;
    private final JdbcClient jdbc;
    private final Clock clock;

    PolicyDryRun(SlaPolicies policies, BusinessCalendars calendars, CalendarRows calendarRows, TicketTrails trails,
            JdbcClient jdbc, Clock clock) {
        this.policies = policies;
        this.calendars = calendars;
        this.calendarRows = calendarRows;
        this.trails = trails;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** What the candidate would have done to one of its targets. */
    public record TargetOutcome(ClockTarget target, int applies, int breached, int real, int realBreached,
            List<TicketId> nowBreached, List<TicketId> nowMet) {

        /** Of the tickets it would count, how many it would have found late, 0..1; {@code null} for none. */
        public Double breachRate() {
            return applies == 0 ? null : (double) breached / applies;
        }

        /** Of the same tickets, how many were late as they were really clocked, 0..1; {@code null} for none. */
        public Double realBreachRate() {
            return real == 0 ? null : (double) realBreached / real;
        }
    }

    /**
     * The dry run's answer: the period (from {@code since}, {@code days} long), how many tickets were tried and
     * whether there were more ({@code capped}), and per target ({@link #TARGETS}, those the candidate sets for some
     * ticket) how it would have gone.
     */
    public record Result(int days, Instant since, int tried, boolean capped, List<TargetOutcome> targets) {
    }

    /**
     * Tries the candidate on the tickets opened in the last {@code days} days, as if it were saved and on:
     * {@code replacing} the policy with that id (where it stands; the default one keeps no conditions), or added just
     * above the default when {@code null}. Its name need not be given yet.
     *
     * @throws InvalidSlaPolicy when the candidate cannot be clocked as written (the name aside)
     * @throws RuleViolationException when {@code days} is not 1..{@link #MAX_DAYS}
     * @throws NotFoundException when there is no policy {@code replacing}
     */
    @PreAuthorize("hasRole('SUPERVISOR')")
    public Result evaluate(PolicyDetails candidate, SlaPolicyId replacing, int days) {
        if (days < 1 || days > MAX_DAYS) {
            throw new RuleViolationException("sla-dry-run.days", MAX_DAYS);
        }
        List<PolicyProblem> problems = new ArrayList<>(candidate.problems().stream()
                .filter(problem -> !problem.field().equals("name")).toList());
        if (candidate.calendar() != null && calendarRows.one(candidate.calendar()).isEmpty()) {
            problems.add(new PolicyProblem("calendar", "sla-policy.calendar-unknown", candidate.calendar().value()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidSlaPolicy(problems);
        }
        List<SlaPolicy> current = policies.all();
        List<SlaPolicy> tried = new ArrayList<>(current);
        SlaPolicyId id = replacing == null ? NEW : replacing;
        if (replacing == null) {
            tried.add(tried.size() - 1, policy(NEW, candidate, candidate.conditions()));
        } else {
            int at = -1;
            for (int i = 0; i < tried.size() && at < 0; i++) {
                at = tried.get(i).id().equals(replacing) ? i : -1;
            }
            if (at < 0) {
                throw new NotFoundException("sla-policy.not-found", replacing.value());
            }
            boolean isDefault = at == tried.size() - 1;
            tried.set(at, policy(replacing, candidate, isDefault ? PolicyConditions.ANY : candidate.conditions()));
        }
        ClockCalculator withCandidate = new ClockCalculator(matching(tried), calendars::time);
        ClockCalculator asItIs = new ClockCalculator(policies::applicableTo, calendars::time);

        Instant now = clock.instant();
        Instant since = now.minus(Duration.ofDays(days));
        List<TicketId> tickets = trails.createdSince(since, MAX_TICKETS + 1);
        boolean capped = tickets.size() > MAX_TICKETS;
        if (capped) {
            tickets = tickets.subList(0, MAX_TICKETS);
        }
        Map<ClockTarget, Tally> tallies = new EnumMap<>(ClockTarget.class);
        TARGETS.forEach(target -> tallies.put(target, new Tally()));
        for (int from = 0; from < tickets.size(); from += PAGE) {
            List<TicketId> page = tickets.subList(from, Math.min(tickets.size(), from + PAGE));
            Map<TicketId, TicketTrail> read = trails.of(page);
            Kept kept = kept(page);
            for (TicketTrail trail : read.values()) {
                TicketSla candidateSla = withCandidate.compute(trail, now);
                Map<ClockTarget, SlaClock> real = kept.clocks.get(trail.ticket());
                if (!kept.tickets.contains(trail.ticket().value())) {
                    // clocked before clocks were kept: as the policies are now
                    real = byTarget(asItIs.compute(trail, now).clocks());
                }
                for (ClockTarget target : TARGETS) {
                    SlaClock clock = candidateSla.clock(target).orElse(null);
                    if (clock == null || !clock.policy().equals(id)) {
                        continue;
                    }
                    SlaClock was = real == null ? null : real.get(target);
                    tallies.get(target).add(trail.ticket(), late(clock, now), was == null ? null : late(was, now));
                }
            }
        }
        List<TargetOutcome> outcomes = new ArrayList<>();
        tallies.forEach((target, tally) -> {
            if (tally.applies > 0) {
                outcomes.add(new TargetOutcome(target, tally.applies, tally.breached, tally.real, tally.realBreached,
                        List.copyOf(tally.nowBreached), List.copyOf(tally.nowMet)));
            }
        });
        return new Result(days, since, tickets.size(), capped, outcomes);
    }

    /** Whether a clock missed its target in any round, a running one as of {@code now}. */
    private static boolean late(SlaClock clock, Instant now) {
        return clock.breaches() > 0 || clock.breachedAt(now);
    }

    private static SlaPolicy policy(SlaPolicyId id, PolicyDetails details, PolicyConditions conditions) {
        return new SlaPolicy(id, details.name(), true, conditions, details.calendar(), details.targets(),
                details.pausedIn(), details.firstResponseCap());
    }

    /** The first enabled policy of the list matching a ticket, else the last one (the default). */
    private static Function<SlaSubject, SlaPolicy> matching(List<SlaPolicy> list) {
        return subject -> {
            for (SlaPolicy policy : list) {
                if (policy.enabled() && policy.conditions().matches(subject)) {
                    return policy;
                }
            }
            return list.getLast();
        };
    }

    /** The kept clocks of a page of tickets: which tickets have any kept, and their clocks by target. */
    private record Kept(Set<Long> tickets, Map<TicketId, Map<ClockTarget, SlaClock>> clocks) {
    }

    /** Only what a breach needs is read: state, due time, breach and breaches. */
    private Kept kept(List<TicketId> page) {
        List<Long> ids = page.stream().map(TicketId::value).toList();
        Set<Long> tickets = new HashSet<>(jdbc.sql("select ticket_id from sla_ticket where ticket_id in (:ids)")
                .param("ids", ids).query(Long.class).list());
        Map<TicketId, Map<ClockTarget, SlaClock>> clocks = new HashMap<>();
        jdbc.sql("""
                        select ticket_id, target, policy_id, calendar_id, state, due_at, breached, rounds, breaches
                        from sla_clock where ticket_id in (:ids)""")
                .param("ids", ids)
                .query(rs -> {
                    ClockTarget target = ClockTarget.valueOf(rs.getString("target"));
                    OffsetDateTime due = rs.getObject("due_at", OffsetDateTime.class);
                    clocks.computeIfAbsent(new TicketId(rs.getLong("ticket_id")), k -> new EnumMap<>(
                            ClockTarget.class)).put(target, new SlaClock(target,
                            ClockState.valueOf(rs.getString("state")), new SlaPolicyId(rs.getLong("policy_id")),
                            null, new BusinessCalendarId(rs.getLong("calendar_id")), null, null, null, null,
                            due == null ? null : due.toInstant(), null, null, rs.getBoolean("breached"),
                            rs.getInt("rounds"), rs.getInt("breaches")));
                });
        return new Kept(tickets, clocks);
    }

    private static Map<ClockTarget, SlaClock> byTarget(List<SlaClock> clocks) {
        Map<ClockTarget, SlaClock> byTarget = new EnumMap<>(ClockTarget.class);
        clocks.forEach(clock -> byTarget.put(clock.target(), clock));
        return byTarget;
    }

    /** One target's counts as the tickets are tried. */
    private static final class Tally {

        int applies;
        int breached;
        int real;
        int realBreached;
        final List<TicketId> nowBreached = new ArrayList<>();
        final List<TicketId> nowMet = new ArrayList<>();

        /** {@code wasLate} is {@code null} when the ticket had no such clock as it was really clocked. */
        void add(TicketId ticket, boolean late, Boolean wasLate) {
            applies++;
            if (late) {
                breached++;
            }
            if (wasLate == null) {
                return;
            }
            real++;
            if (wasLate) {
                realBreached++;
            }
            if (late && !wasLate && nowBreached.size() < EXAMPLES) {
                nowBreached.add(ticket);
            } else if (!late && wasLate && nowMet.size() < EXAMPLES) {
                nowMet.add(ticket);
            }
        }
    }
}
