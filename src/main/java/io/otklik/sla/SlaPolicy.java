package io.otklik.sla;

import io.otklik.ticket.Priority;
import io.otklik.ticket.Status;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A service-level policy: when it applies, which business calendar its clocks count in, the targets per priority,
 * the statuses in which its clocks stand still, and the longest a first answer may take in calendar time whatever
 * the calendar says ({@code firstResponseCap}, {@code null} for none). Policies form an ordered list; the first
 * enabled one whose conditions match a ticket applies ({@link SlaPolicies}).
 */
public record SlaPolicy(SlaPolicyId id, String name, boolean enabled, PolicyConditions conditions,
        BusinessCalendarId calendar, Map<Priority, PolicyTargets> targets, Set<Status> pausedIn,
        Duration firstResponseCap) {

    public SlaPolicy {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(calendar, "calendar");
        conditions = conditions == null ? PolicyConditions.ANY : conditions;
        EnumMap<Priority, PolicyTargets> all = new EnumMap<>(Priority.class);
        if (targets != null) {
            all.putAll(targets);
        }
        targets = java.util.Collections.unmodifiableMap(all);
        pausedIn = pausedIn == null ? Set.of() : Set.copyOf(pausedIn);
    }

    /** The target of {@code kind} for a ticket of {@code priority}, or {@code null} when there is none. */
    public Duration target(Priority priority, ClockTarget kind) {
        PolicyTargets forPriority = targets.get(priority);
        return forPriority == null ? null : forPriority.of(kind);
    }
}
