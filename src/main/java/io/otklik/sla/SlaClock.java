package io.otklik.sla;

import java.time.Duration;
import java.time.Instant;

/**
 * One service-level clock of a ticket, as computed from its trail. {@code used} is the business time counted up to
 * {@code runningSince} (running) or in all (paused, stopped); {@code due} of a running clock is when its target runs
 * out if nothing changes ({@code runningSince} plus what is left, on the policy's calendar, a first answer no later
 * than the policy's cap) and does not depend on the moment asked; of a paused clock it is the moment the target ran
 * out if it did, else {@code null}; of a stopped one the due time it was stopped against. {@code achieved} is the
 * business time used when it stopped. A clock that restarts (next response, periodic update) is shown in its latest
 * round: {@code rounds} says how many there were, {@code breaches} how many of them missed their target.
 */
public record SlaClock(ClockTarget target, ClockState state, SlaPolicyId policy, String policyName,
        BusinessCalendarId calendar, Duration allowed, Duration used, Instant startedAt, Instant runningSince,
        Instant due, Instant stoppedAt, Duration achieved, boolean breached, int rounds, int breaches) {

    /** Whether the clock has missed its target as of {@code now} (a running clock: past its due time). */
    public boolean breachedAt(Instant now) {
        return state == ClockState.RUNNING ? due != null && now.isAfter(due) : breached;
    }
}
