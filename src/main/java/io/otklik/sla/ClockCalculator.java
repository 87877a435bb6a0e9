package io.otklik.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import io.otklik.ticket.Actor;
import io.otklik.ticket.Priority;
import io.otklik.ticket.Status;
import io.otklik.ticket.TicketTrail;

/**
 * Computes a ticket's service-level clocks and timeline from its trail: pure, no I/O, thread-safe. The policy is the
 * one applicable to the ticket as it stood ({@code policies}, matched again whenever priority, category or team
 * changed) and business time is counted on that policy's calendar ({@code calendars}).
 *
 * <p>The rules:
 * <ul>
 * <li>First response starts when the ticket is opened and stops at the first public answer of an agent.</li>
 * <li>Next response starts at a public message of the customer once an agent has answered publicly and no next
 * response clock is going, and stops at the next public answer.</li>
 * <li>Periodic update starts at each public answer (a new round each time) and stops when the ticket is solved.</li>
 * <li>Resolution starts when the ticket is opened and stops when it is solved or closed.</li>
 * <li>Solving stops every clock. Reopening resumes resolution (and first response if nobody has answered yet) with the
 * time used kept, and starts a new round of periodic update if an agent had answered.</li>
 * <li>Every clock pauses while the status is one the policy pauses in, and resumes when the status leaves it.</li>
 * <li>A changed priority, category or team may bring another policy or target: the clocks going keep the time used
 * and count the rest against the new target on the new policy's calendar.</li>
 * <li>A target the policy does not set has no clock (its time is still counted, should another policy set it).</li>
 * <li>A first answer is due no later than the policy's cap after arrival in calendar time, moved on by the time the
 * clock stood paused.</li>
 * </ul>
 */
public final class ClockCalculator {

    private static final ClockTarget[] TARGETS = ClockTarget.values();

    private final Function<SlaSubject, SlaPolicy> policies;
    private final Function<BusinessCalendarId, BusinessTime> calendars;

    /**
     * @param policies the policy applicable to a ticket of the given description, never {@code null}
     * @param calendars business time over the calendar of the given id
     */
    public ClockCalculator(Function<SlaSubject, SlaPolicy> policies,
            Function<BusinessCalendarId, BusinessTime> calendars) {
        this.policies = Objects.requireNonNull(policies, "policies");
        this.calendars = Objects.requireNonNull(calendars, "calendars");
    }

    /**
     * The clocks and timeline of the ticket. {@code now} only decides whether a running clock is breached; facts
     * recorded before the ticket was opened (a message moved in from an older ticket) count as at its opening.
     */
    public TicketSla compute(TicketTrail trail, Instant now) {
        return new Run(trail, now).run();
    }

    /** One computation: the ticket's state as its facts are replayed. */
    private final class Run {

        private final TicketTrail trail;
        private final Instant now;
        private final Cycle[] cycles = new Cycle[TARGETS.length];
        private final List<TimelineEntry> timeline = new ArrayList<>();

        private Status status;
        private Priority priority;
        private Long category;
        private Long team;
        private SlaPolicy policy;
        private BusinessTime time;
        private boolean answered;

        Run(TicketTrail trail, Instant now) {
            this.trail = trail;
            this.now = now;
        }

        TicketSla run() {
            Instant opened = trail.createdAt();
            status = trail.status();
            priority = trail.priority();
            category = trail.categoryId();
            team = trail.teamId();
            policy = policyNow();
            time = calendars.apply(policy.calendar());
            if (!solved(status)) {
                start(ClockTarget.FIRST_RESPONSE, opened, ClockReason.Cause.OPENED, By.NOTHING);
                start(ClockTarget.RESOLUTION, opened, ClockReason.Cause.OPENED, By.NOTHING);
                followStatus(opened);
            }
            for (TicketTrail.Fact fact : trail.facts()) {
                Instant at = fact.at().isBefore(opened) ? opened : fact.at();
                switch (fact) {
                    case TicketTrail.StatusChange change -> statusChanged(at, change.to());
                    case TicketTrail.PriorityChange change -> {
                        priority = change.to();
                        rematch(at, ClockReason.Cause.PRIORITY, change.from().name(), change.to().name());
                    }
                    case TicketTrail.CategoryChange change -> {
                        category = change.to();
                        rematch(at, ClockReason.Cause.CATEGORY, text(change.from()), text(change.to()));
                    }
                    case TicketTrail.TeamChange change -> {
                        team = change.to();
                        rematch(at, ClockReason.Cause.TEAM, text(change.from()), text(change.to()));
                    }
                    case TicketTrail.PublicMessage message -> {
                        if (message.author() == Actor.Type.AGENT) {
                            agentAnswered(at, message.messageId());
                        } else if (message.author() == Actor.Type.CUSTOMER) {
                            customerWrote(at, message.messageId());
                        }
                    }
                }
            }
            List<SlaClock> clocks = new ArrayList<>(TARGETS.length);
            for (Cycle cycle : cycles) {
                if (cycle != null && cycle.allowed != null) {
                    clocks.add(cycle.clock(now));
                }
            }
            return new TicketSla(trail.ticket(), clocks, timeline);
        }

        private void statusChanged(Instant at, Status to) {
            Status from = status;
            status = to;
            if (!solved(from) && solved(to)) {
                By solving = By.status(to);
                for (Cycle cycle : cycles) {
                    if (cycle != null && cycle.active) {
                        stop(cycle, at, ClockReason.Cause.STATUS, solving);
                    }
                }
            } else if (solved(from) && !solved(to)) {
                By reopened = By.status(to);
                resumeStopped(ClockTarget.RESOLUTION, at, reopened);
                if (!answered) {
                    resumeStopped(ClockTarget.FIRST_RESPONSE, at, reopened);
                } else {
                    start(ClockTarget.PERIODIC_UPDATE, at, ClockReason.Cause.REOPENED, reopened);
                }
            }
            followStatus(at);
        }

        private void agentAnswered(Instant at, long message) {
            By by = By.message(message);
            answered = true;
            for (ClockTarget target : List.of(ClockTarget.FIRST_RESPONSE, ClockTarget.NEXT_RESPONSE,
                    ClockTarget.PERIODIC_UPDATE)) {
                Cycle cycle = cycles[target.ordinal()];
                if (cycle != null && cycle.active) {
                    stop(cycle, at, ClockReason.Cause.AGENT_MESSAGE, by);
                }
            }
            if (!solved(status)) {
                start(ClockTarget.PERIODIC_UPDATE, at, ClockReason.Cause.AGENT_MESSAGE, by);
                followStatus(at);
            }
        }

        private void customerWrote(Instant at, long message) {
            Cycle next = cycles[ClockTarget.NEXT_RESPONSE.ordinal()];
            if (answered && !solved(status) && (next == null || !next.active)) {
                start(ClockTarget.NEXT_RESPONSE, at, ClockReason.Cause.CUSTOMER_MESSAGE, By.message(message));
                followStatus(at);
            }
        }

        /** Priority, category or team changed: the policy is matched again and the clocks going follow it. */
        private void rematch(Instant at, ClockReason.Cause cause, String from, String to) {
            SlaPolicy matched = policyNow();
            BusinessTime matchedTime = matched.calendar().equals(policy.calendar()) ? time
                    : calendars.apply(matched.calendar());
            policy = matched;
            time = matchedTime;
            By by = null;
            for (Cycle cycle : cycles) {
                if (cycle == null || !cycle.active) {
                    continue;
                }
                Duration allowed = matched.target(priority, cycle.target);
                if (cycle.policy.id().equals(matched.id()) && Objects.equals(allowed, cycle.allowed)
                        && cycle.policy.calendar().equals(matched.calendar())) {
                    continue;
                }
                cycle.close(at);
                Duration previous = cycle.allowed;
                cycle.follow(matched, matchedTime, allowed);
                if (previous != null || allowed != null) {
                    if (by == null) {
                        by = new By(null, null, from, to);
                    }
                    record(cycle, at, TimelineKind.TARGET_CHANGED, cause, by, previous, true);
                }
            }
            followStatus(at);
        }

        /** Pauses or resumes the clocks going as the status asks. */
        private void followStatus(Instant at) {
            boolean pause = policy.pausedIn().contains(status);
            By by = null;
            for (Cycle cycle : cycles) {
                if (cycle == null || !cycle.active || cycle.paused == pause) {
                    continue;
                }
                if (by == null) {
                    by = By.status(status);
                }
                if (pause) {
                    cycle.close(at);
                    cycle.paused = true;
                    cycle.pausedAt = at;
                    record(cycle, at, TimelineKind.PAUSED, ClockReason.Cause.STATUS, by, null, false);
                } else {
                    cycle.paused = false;
                    cycle.pausedNanos += Duration.between(cycle.pausedAt, at).toNanos();
                    cycle.pausedAt = null;
                    cycle.mark = at;
                    record(cycle, at, TimelineKind.RESUMED, ClockReason.Cause.STATUS, by, null, true);
                }
            }
        }

        private void start(ClockTarget target, Instant at, ClockReason.Cause cause, By by) {
            Cycle cycle = cycles[target.ordinal()];
            if (cycle == null) {
                cycle = new Cycle(target);
                cycles[target.ordinal()] = cycle;
            }
            cycle.begin(at, policy, time, policy.target(priority, target));
            record(cycle, at, TimelineKind.STARTED, cause, by, null, true);
        }

        /** A stopped clock goes on where it stopped (reopen), keeping its time used. */
        private void resumeStopped(ClockTarget target, Instant at, By by) {
            Cycle cycle = cycles[target.ordinal()];
            if (cycle == null || cycle.active) {
                return;
            }
            cycle.active = true;
            cycle.paused = false;
            // Solved time counts as waiting: it moves the first answer's cap on, as a pause does.
            cycle.pausedNanos += Duration.between(cycle.stoppedAt, at).toNanos();
            cycle.stoppedAt = null;
            cycle.mark = at;
            cycle.follow(policy, time, policy.target(priority, target));
            record(cycle, at, TimelineKind.RESUMED, ClockReason.Cause.REOPENED, by, null, true);
        }

        private void stop(Cycle cycle, Instant at, ClockReason.Cause cause, By by) {
            cycle.close(at);
            if (cycle.paused) {
                cycle.pausedNanos += Duration.between(cycle.pausedAt, at).toNanos();
                cycle.paused = false;
                cycle.pausedAt = null;
            }
            cycle.active = false;
            cycle.stoppedAt = at;
            cycle.due = cycle.dueFrom(at);
            cycle.breached = cycle.due != null && at.isAfter(cycle.due);
            if (cycle.breached && !cycle.breachCounted) {
                cycle.breaches++;
                cycle.breachCounted = true;
            }
            record(cycle, at, TimelineKind.STOPPED, cause, by, null, false);
        }

        /**
         * Adds a timeline entry for a clock that has a target (or had one, for a target change), with the policy,
         * target and calendar as they stand then; {@code withDue} adds the due time of a clock counting on, a stopped
         * clock says what it achieved.
         */
        private void record(Cycle cycle, Instant at, TimelineKind kind, ClockReason.Cause cause, By by,
                Duration previous, boolean withDue) {
            if (cycle.allowed == null && kind != TimelineKind.TARGET_CHANGED) {
                return;
            }
            Instant due = withDue && cycle.active && !cycle.paused ? cycle.dueFrom(at) : null;
            boolean stopped = kind == TimelineKind.STOPPED;
            timeline.add(new TimelineEntry(at, kind, cycle.target, new ClockReason(cause, cycle.policy.id(),
                    cycle.policy.name(), cycle.policy.calendar(), cycle.allowed, previous, by.status, by.message,
                    by.from, by.to, due, stopped ? Duration.ofNanos(cycle.usedNanos) : null,
                    stopped ? cycle.breached : null)));
        }

        private SlaPolicy policyNow() {
            SlaPolicy found = policies.apply(new SlaSubject(priority, category, trail.organizationId(),
                    trail.segments(), trail.channel(), team));
            return Objects.requireNonNull(found, "No service-level policy applies");
        }

        private static boolean solved(Status status) {
            return status == Status.SOLVED || status == Status.CLOSED;
        }

        private static String text(Long id) {
            return id == null ? null : id.toString();
        }
    }

    /** One clock as it is replayed: its current round and what it has counted. */
    private static final class Cycle {

        final ClockTarget target;
        SlaPolicy policy;
        BusinessTime time;
        Duration allowed;
        Instant startedAt;
        boolean active;
        boolean paused;
        /** Where the running stretch began (running), or where counting stopped. */
        Instant mark;
        Instant pausedAt;
        /** Business time counted before {@link #mark}. */
        long usedNanos;
        /** Real time spent paused in this round: moves the first answer's cap on. */
        long pausedNanos;
        /** The stretches counted in this round, to find when a target ran out. */
        final List<Stretch> stretches = new ArrayList<>(4);
        Instant stoppedAt;
        Instant due;
        boolean breached;
        boolean breachCounted;
        int rounds;
        int breaches;

        Cycle(ClockTarget target) {
            this.target = target;
        }

        void begin(Instant at, SlaPolicy policy, BusinessTime time, Duration allowed) {
            this.policy = policy;
            this.time = time;
            this.allowed = allowed;
            startedAt = at;
            active = true;
            paused = false;
            mark = at;
            pausedAt = null;
            usedNanos = 0;
            pausedNanos = 0;
            stretches.clear();
            stoppedAt = null;
            due = null;
            breached = false;
            breachCounted = false;
            rounds++;
        }

        void follow(SlaPolicy policy, BusinessTime time, Duration allowed) {
            this.policy = policy;
            this.time = time;
            this.allowed = allowed;
        }

        /** Counts the running stretch up to {@code at}, which becomes the new mark. */
        void close(Instant at) {
            if (!active || paused) {
                return;
            }
            if (at.isAfter(mark)) {
                long counted = time.between(mark, at).toNanos();
                if (counted > 0) {
                    stretches.add(new Stretch(mark, time, counted));
                    usedNanos += counted;
                }
            }
            mark = at;
        }

        /**
         * The due time of a clock counting on from {@code at} with the time it has used: the moment the target ran
         * out if it already did, else {@code at} plus what is left; a first answer no later than its cap.
         */
        Instant dueFrom(Instant at) {
            if (allowed == null) {
                return null;
            }
            long allowedNanos = allowed.toNanos();
            Instant due = usedNanos >= allowedNanos ? ranOut(allowedNanos)
                    : time.plus(at, Duration.ofNanos(allowedNanos - usedNanos));
            if (target == ClockTarget.FIRST_RESPONSE && policy.firstResponseCap() != null) {
                Instant cap = startedAt.plus(policy.firstResponseCap()).plusNanos(pausedNanos);
                if (cap.isBefore(due)) {
                    due = cap;
                }
            }
            return due;
        }

        private Instant ranOut(long allowedNanos) {
            long before = 0;
            for (Stretch stretch : stretches) {
                if (before + stretch.nanos >= allowedNanos) {
                    return stretch.time.plus(stretch.from, Duration.ofNanos(allowedNanos - before));
                }
                before += stretch.nanos;
            }
            return mark;
        }

        SlaClock clock(Instant now) {
            Duration used = Duration.ofNanos(usedNanos);
            SlaPolicyId policyId = policy.id();
            if (!active) {
                return new SlaClock(target, ClockState.STOPPED, policyId, policy.name(), policy.calendar(), allowed,
                        used, startedAt, null, due, stoppedAt, used, breached, rounds, breaches);
            }
            if (paused) {
                Instant ranOut = usedNanos >= allowed.toNanos() ? ranOut(allowed.toNanos()) : null;
                return new SlaClock(target, ClockState.PAUSED, policyId, policy.name(), policy.calendar(), allowed,
                        used, startedAt, null, ranOut, null, null, ranOut != null,
                        rounds, breaches + (ranOut != null && !breachCounted ? 1 : 0));
            }
            Instant dueAt = dueFrom(mark);
            boolean late = now.isAfter(dueAt);
            return new SlaClock(target, ClockState.RUNNING, policyId, policy.name(), policy.calendar(), allowed, used,
                    startedAt, mark, dueAt, null, null, late, rounds, breaches + (late && !breachCounted ? 1 : 0));
        }
    }

    /** What caused a step, as the timeline tells it. */
    private record By(Status status, Long message, String from, String to) {

        static final By NOTHING = new By(null, null, null, null);

        static By status(Status status) {
            return new By(status, null, null, null);
        }

        static By message(long message) {
            return new By(null, message, null, null);
        }
    }

    /** A stretch of counted business time: from when, on which calendar, how much. */
    private record Stretch(Instant from, BusinessTime time, long nanos) {
    }
}
