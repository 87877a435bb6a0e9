package io.otklik.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import io.otklik.agent.AgentId;
import io.otklik.agent.SupportLine;
import io.otklik.agent.TeamId;
import io.otklik.ticket.Status;
import io.otklik.ticket.TicketTrail;

/**
 * Computes the rounds of internal targets (OLA) of a ticket from its trail, the same one its service-level clocks are
 * computed from: pure, no I/O, thread-safe.
 *
 * <p>The rules:
 * <ul>
 * <li>A team holds the ticket while it is the ticket's team; a line while the ticket's team is one of that line (a
 * handover between two teams of one line keeps the line's round going).</li>
 * <li>Each time the ticket comes to a team or line with a target (opened with it, or handed to it), a new round of
 * that target starts: {@link OlaKind#RESPONSE} until an agent of the team (of any team of the line) writes a reply or
 * a note, {@link OlaKind#RESOLUTION} until the ticket is solved.</li>
 * <li>A round stops when the ticket is handed on to a team that does not belong to the holder, or solved. Reopening
 * resumes the round solving stopped, with its time used kept, if the holder has the ticket still.</li>
 * <li>Rounds stand still while the ticket waits for the customer or a third party (pending, on hold).</li>
 * <li>A round is breached when it used more business time than its target on its target's calendar; a running one
 * once it is past its due time.</li>
 * <li>Whether an agent belongs to a team is taken from the teams the agents are in as given, not as they were.</li>
 * </ul>
 */
public final class OlaCalculator {

    /** The statuses in which internal targets stand still: waiting for the customer or a third party. */
    public static final Set<Status> PAUSED_IN = PolicyDetails.PAUSABLE;

    private final List<OlaTarget> targets;
    private final Function<BusinessCalendarId, BusinessTime> calendars;

    /**
     * @param targets the targets to compute (those not enabled are left out)
     * @param calendars business time over the calendar of the given id
     */
    public OlaCalculator(List<OlaTarget> targets, Function<BusinessCalendarId, BusinessTime> calendars) {
        this.targets = targets.stream().filter(OlaTarget::enabled).toList();
        this.calendars = Objects.requireNonNull(calendars, "calendars");
    }

    /** Whether there is any target to compute. */
    public boolean isEmpty() {
        return targets.isEmpty();
    }

    /**
     * The ticket's rounds, per target in the order given and then by round. {@code lines} tells each team's line,
     * {@code agentTeams} the teams of the agents who wrote on the ticket; {@code now} only decides whether a running
     * round is breached.
     */
    public List<OlaClock> compute(TicketTrail trail, Map<TeamId, SupportLine> lines,
            Map<AgentId, Set<TeamId>> agentTeams, Instant now) {
        if (targets.isEmpty()) {
            return List.of();
        }
        return new Run(trail, lines, agentTeams, now).run();
    }

    /** One computation: the ticket's team and status as its facts are replayed. */
    private final class Run {

        private final TicketTrail trail;
        private final Map<TeamId, SupportLine> lines;
        private final Map<AgentId, Set<TeamId>> agentTeams;
        private final Instant now;
        private final Track[] tracks;

        private Status status;
        private Long team;

        Run(TicketTrail trail, Map<TeamId, SupportLine> lines, Map<AgentId, Set<TeamId>> agentTeams, Instant now) {
            this.trail = trail;
            this.lines = lines;
            this.agentTeams = agentTeams;
            this.now = now;
            this.tracks = new Track[targets.size()];
            for (int i = 0; i < tracks.length; i++) {
                OlaTarget target = targets.get(i);
                tracks[i] = new Track(target, calendars.apply(target.calendar()));
            }
        }

        List<OlaClock> run() {
            Instant opened = trail.createdAt();
            status = trail.status();
            team = trail.teamId();
            if (!solved(status)) {
                for (Track track : tracks) {
                    if (holds(track.target, team)) {
                        track.start(opened);
                    }
                }
                followStatus(opened);
            }
            List<TicketTrail.Fact> facts = trail.facts();
            List<TicketTrail.AgentMessage> messages = trail.agentMessages().stream()
                    .sorted(Comparator.comparing(TicketTrail.AgentMessage::at)).toList();
            int f = 0;
            int m = 0;
            // At the same instant an agent's message comes before the field changes made with it, as in the trail.
            while (f < facts.size() || m < messages.size()) {
                if (m < messages.size() && (f == facts.size() || !messages.get(m).at().isAfter(facts.get(f).at()))) {
                    TicketTrail.AgentMessage message = messages.get(m++);
                    agentWrote(atLeast(message.at(), opened), message.agentId());
                } else {
                    TicketTrail.Fact fact = facts.get(f++);
                    Instant at = atLeast(fact.at(), opened);
                    if (fact instanceof TicketTrail.StatusChange change) {
                        statusChanged(at, change.to());
                    } else if (fact instanceof TicketTrail.TeamChange change) {
                        teamChanged(at, change.to());
                    }
                }
            }
            List<OlaClock> clocks = new ArrayList<>();
            for (Track track : tracks) {
                for (Round round : track.rounds) {
                    clocks.add(round.clock(now));
                }
            }
            return clocks;
        }

        private void teamChanged(Instant at, Long to) {
            Long from = team;
            team = to;
            for (Track track : tracks) {
                boolean before = holds(track.target, from);
                boolean after = holds(track.target, to);
                if (before && !after) {
                    Round current = track.current();
                    if (current != null && current.active) {
                        current.stop(at, OlaClock.End.HANDED_ON);
                    }
                    track.left();
                } else if (!before && after && !solved(status)) {
                    track.start(at);
                }
            }
            followStatus(at);
        }

        private void statusChanged(Instant at, Status to) {
            Status from = status;
            status = to;
            if (!solved(from) && solved(to)) {
                for (Track track : tracks) {
                    Round current = track.current();
                    if (current != null && current.active) {
                        current.stop(at, OlaClock.End.SOLVED);
                        track.resumable = true;
                    }
                }
            } else if (solved(from) && !solved(to)) {
                for (Track track : tracks) {
                    if (!holds(track.target, team)) {
                        continue;
                    }
                    Round current = track.current();
                    if (current == null) {
                        track.start(at);
                    } else if (track.resumable) {
                        current.resume(at);
                    }
                    track.resumable = false;
                }
            }
            followStatus(at);
        }

        private void agentWrote(Instant at, Long agent) {
            Set<TeamId> teams = agent == null ? null : agentTeams.get(new AgentId(agent));
            if (teams == null || teams.isEmpty()) {
                return;
            }
            for (Track track : tracks) {
                Round current = track.current();
                if (track.target.kind() == OlaKind.RESPONSE && current != null && current.active
                        && member(track.target, teams)) {
                    current.stop(at, OlaClock.End.RESPONDED);
                }
            }
        }

        /** Pauses or resumes the rounds going as the status asks. */
        private void followStatus(Instant at) {
            boolean pause = PAUSED_IN.contains(status);
            for (Track track : tracks) {
                Round current = track.current();
                if (current == null || !current.active || current.paused == pause) {
                    continue;
                }
                if (pause) {
                    current.close(at);
                    current.paused = true;
                } else {
                    current.paused = false;
                    current.mark = at;
                }
            }
        }

        private boolean holds(OlaTarget target, Long teamId) {
            if (teamId == null) {
                return false;
            }
            return target.ofTeam() ? target.team().value() == teamId
                    : target.line() == lines.get(new TeamId(teamId));
        }

        private boolean member(OlaTarget target, Set<TeamId> teams) {
            if (target.ofTeam()) {
                return teams.contains(target.team());
            }
            for (TeamId one : teams) {
                if (lines.get(one) == target.line()) {
                    return true;
                }
            }
            return false;
        }

        private SupportLine lineOf(OlaTarget target) {
            return target.ofTeam() ? lines.get(target.team()) : target.line();
        }

        /** One target's rounds on this ticket. */
        private final class Track {

            final OlaTarget target;
            final BusinessTime time;
            final List<Round> rounds = new ArrayList<>(2);
            /** The latest round is the holder's still (it did not hand the ticket on). */
            boolean holding;
            /** The latest round was stopped by solving: a reopen resumes it. */
            boolean resumable;

            Track(OlaTarget target, BusinessTime time) {
                this.target = target;
                this.time = time;
            }

            /** The round of the holder's current stay, if it has one. */
            Round current() {
                return holding ? rounds.getLast() : null;
            }

            void start(Instant at) {
                rounds.add(new Round(target, lineOf(target), time, rounds.size() + 1, at));
                holding = true;
                resumable = false;
            }

            void left() {
                holding = false;
                resumable = false;
            }
        }
    }

    private static Instant atLeast(Instant at, Instant opened) {
        return at.isBefore(opened) ? opened : at;
    }

    private static boolean solved(Status status) {
        return status == Status.SOLVED || status == Status.CLOSED;
    }

    /** One round as it is replayed. */
    private static final class Round {

        final OlaTarget target;
        final SupportLine line;
        final BusinessTime time;
        final int number;
        final Instant startedAt;
        boolean active = true;
        boolean paused;
        /** Where the running stretch began (running), or where counting stopped. */
        Instant mark;
        /** Business time counted before {@link #mark}. */
        long usedNanos;
        /** The stretches counted, to find when the target ran out. */
        final List<Stretch> stretches = new ArrayList<>(2);
        Instant stoppedAt;
        Instant due;
        OlaClock.End end;

        Round(OlaTarget target, SupportLine line, BusinessTime time, int number, Instant at) {
            this.target = target;
            this.line = line;
            this.time = time;
            this.number = number;
            this.startedAt = at;
            this.mark = at;
        }

        /** Counts the running stretch up to {@code at}, which becomes the new mark. */
        void close(Instant at) {
            if (!active || paused) {
                return;
            }
            if (at.isAfter(mark)) {
                long counted = time.between(mark, at).toNanos();
                if (counted > 0) {
                    stretches.add(new Stretch(mark, counted));
                    usedNanos += counted;
                }
            }
            mark = at;
        }

        void stop(Instant at, OlaClock.End why) {
            close(at);
            active = false;
            paused = false;
            stoppedAt = at;
            end = why;
            due = dueFrom(at);
        }

        void resume(Instant at) {
            active = true;
            paused = false;
            stoppedAt = null;
            end = null;
            due = null;
            mark = at;
        }

        boolean over() {
            return usedNanos > target.allowed().toNanos();
        }

        /** The moment the target ran out if it did, else {@code at} plus what is left. */
        Instant dueFrom(Instant at) {
            long allowed = target.allowed().toNanos();
            if (usedNanos >= allowed) {
                long before = 0;
                for (Stretch stretch : stretches) {
                    if (before + stretch.nanos >= allowed) {
                        return time.plus(stretch.from, Duration.ofNanos(allowed - before));
                    }
                    before += stretch.nanos;
                }
                return mark;
            }
            return time.plus(at, Duration.ofNanos(allowed - usedNanos));
        }

        OlaClock clock(Instant now) {
            Duration used = Duration.ofNanos(usedNanos);
            if (!active) {
                return new OlaClock(target.id(), target.team(), line, target.kind(), number, ClockState.STOPPED,
                        target.calendar(), target.allowed(), used, startedAt, null, due, stoppedAt, end, over());
            }
            if (paused) {
                return new OlaClock(target.id(), target.team(), line, target.kind(), number, ClockState.PAUSED,
                        target.calendar(), target.allowed(), used, startedAt, null,
                        usedNanos >= target.allowed().toNanos() ? dueFrom(mark) : null, null, null, over());
            }
            Instant dueAt = dueFrom(mark);
            return new OlaClock(target.id(), target.team(), line, target.kind(), number, ClockState.RUNNING,
                    target.calendar(), target.allowed(), used, startedAt, mark, dueAt, null, null,
                    now.isAfter(dueAt));
        }
    }

    /** A stretch of counted business time: from when, how much. */
    private record Stretch(Instant from, long nanos) {
    }
}
