package io.otklik.sla;

import java.time.Duration;

/**
 * The business time a policy allows for one priority: until the first public answer, until the next answer after a
 * customer's message, between public updates while the ticket is unsolved, and until solved. {@code null} means the
 * policy sets no such target.
 */
public record PolicyTargets(Duration firstResponse, Duration nextResponse, Duration periodicUpdate,
        Duration resolution) {

    public PolicyTargets {
        positiveOrNull(firstResponse, "firstResponse");
        positiveOrNull(nextResponse, "nextResponse");
        positiveOrNull(periodicUpdate, "periodicUpdate");
        positiveOrNull(resolution, "resolution");
    }

    /** The target for {@code kind}, or {@code null} when the policy sets none. */
    public Duration of(ClockTarget kind) {
        return switch (kind) {
            case FIRST_RESPONSE -> firstResponse;
            case NEXT_RESPONSE -> nextResponse;
            case PERIODIC_UPDATE -> periodicUpdate;
            case RESOLUTION -> resolution;
        };
    }

    private static void positiveOrNull(Duration value, String name) {
        if (value != null && (value.isNegative() || value.isZero())) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
    }
}
