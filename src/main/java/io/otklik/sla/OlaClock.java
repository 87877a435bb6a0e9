package io.otklik.sla;

import java.time.Duration;
import java.time.Instant;

import io.otklik.agent.SupportLine;
import io.otklik.agent.TeamId;

/**
 * One round of an internal target on a ticket: the stretch from when the ticket came to the target's team or line
 * ({@code round} counts the times it came) to when the target was met or the ticket left. {@code team} is the
 * target's team ({@code null} for a line's target), {@code line} the target's line or its team's. {@code used} is the
 * business time counted up to {@code runningSince} (running) or in all (paused, stopped); {@code due} of a running
 * round is when its target runs out if nothing changes, of a paused one when it ran out if it did (else
 * {@code null}), of a stopped one the due time it stopped against. {@code endedBy} says why a stopped round stopped.
 */
public record OlaClock(OlaTargetId target, TeamId team, SupportLine line, OlaKind kind, int round, ClockState state,
        BusinessCalendarId calendar, Duration allowed, Duration used, Instant startedAt, Instant runningSince,
        Instant due, Instant stoppedAt, End endedBy, boolean breached) {

    /** Why a round stopped. */
    public enum End {
        /** An agent of the team or line wrote on the ticket (a response target is met). */
        RESPONDED,
        /** The ticket went to another team (of another line, for a line's target). */
        HANDED_ON,
        /** The ticket was solved or closed. */
        SOLVED
    }

    /** Whether the round has missed its target as of {@code now} (a running one: past its due time). */
    public boolean breachedAt(Instant now) {
        return state == ClockState.RUNNING ? due != null && now.isAfter(due) : breached;
    }
}
