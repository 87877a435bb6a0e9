package io.otklik.sla;

import java.time.Duration;
import java.util.Objects;

import io.otklik.agent.SupportLine;
import io.otklik.agent.TeamId;

/**
 * An internal target (OLA) for the part of a ticket one team, or any team of one support line, holds: the business
 * time it allows for {@link OlaKind a response or the resolution}, counted in a business calendar. Exactly one of
 * {@code team} and {@code line} is set. Tracked and reported apart from the customer's service level.
 */
public record OlaTarget(OlaTargetId id, TeamId team, SupportLine line, OlaKind kind, Duration allowed,
        BusinessCalendarId calendar, boolean enabled) {

    public OlaTarget {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(allowed, "allowed");
        Objects.requireNonNull(calendar, "calendar");
        if ((team == null) == (line == null)) {
            throw new IllegalArgumentException("An internal target is of one team or one line");
        }
        if (allowed.isNegative() || allowed.isZero()) {
            throw new IllegalArgumentException("allowed must be positive: " + allowed);
        }
    }

    /** Whether it is a team's target (else a line's). */
    public boolean ofTeam() {
        return team != null;
    }
}
