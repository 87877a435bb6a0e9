package io.otklik.sla;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

import io.otklik.ticket.Priority;

/**
 * How soon tickets must be answered and solved, per priority, in business time; and the longest a first answer may
 * take in calendar time whatever the calendar says ({@code firstResponseCap}).
 */
public record ServiceTargets(Map<Priority, Targets> byPriority, Duration firstResponseCap) {

    /**
     * The product's table (business minutes, first response / resolution): critical 30 / 120, high 60 / 240,
     * medium 240 / 480, low 480 / 2400; no first answer later than 24 hours after arrival.
     */
    public static final ServiceTargets STANDARD = new ServiceTargets(Map.of(
            Priority.CRITICAL, new Targets(Duration.ofMinutes(30), Duration.ofMinutes(120)),
            Priority.HIGH, new Targets(Duration.ofMinutes(60), Duration.ofMinutes(240)),
            Priority.MEDIUM, new Targets(Duration.ofMinutes(240), Duration.ofMinutes(480)),
            Priority.LOW, new Targets(Duration.ofMinutes(480), Duration.ofMinutes(2400))),
            Duration.ofHours(24));

    public ServiceTargets {
        Objects.requireNonNull(firstResponseCap, "firstResponseCap");
        EnumMap<Priority, Targets> all = new EnumMap<>(Priority.class);
        all.putAll(byPriority);
        for (Priority priority : Priority.values()) {
            if (!all.containsKey(priority)) {
                throw new IllegalArgumentException("No targets for priority " + priority);
            }
        }
        if (firstResponseCap.isNegative() || firstResponseCap.isZero()) {
            throw new IllegalArgumentException("The first response cap must be positive: " + firstResponseCap);
        }
        byPriority = java.util.Collections.unmodifiableMap(all);
    }

    public Duration firstResponse(Priority priority) {
        return byPriority.get(priority).firstResponse();
    }

    public Duration resolution(Priority priority) {
        return byPriority.get(priority).resolution();
    }

    /** Business time allowed until the first answer and until the ticket is solved. */
    public record Targets(Duration firstResponse, Duration resolution) {

        public Targets {
            if (firstResponse.isNegative() || firstResponse.isZero() || resolution.isNegative()
                    || resolution.isZero()) {
                throw new IllegalArgumentException("Targets must be positive: " + firstResponse + ", "
                        + resolution);
            }
        }
    }
}
