package io.otklik.sla;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.otklik.ticket.Priority;
import io.otklik.ticket.Status;

/**
 * A policy's settings as an administrator writes them: name, whether it is on, when it applies, the calendar its
 * targets are counted in, the targets per priority (business time; a priority or a kind left out has none), the
 * statuses in which its clocks stand still and the longest a first answer may take in calendar time.
 * {@link #problems()} tells what is wrong without looking anything up.
 */
public record PolicyDetails(String name, boolean enabled, PolicyConditions conditions, BusinessCalendarId calendar,
        Map<Priority, PolicyTargets> targets, Set<Status> pausedIn, Duration firstResponseCap) {

    public static final int MAX_NAME = 200;

    /** No policy may let a first answer wait longer than this in calendar time. */
    public static final Duration MAX_FIRST_RESPONSE_CAP = Duration.ofHours(24);

    /** The longest target: a year. */
    public static final Duration MAX_TARGET = Duration.ofDays(365);

    /** The statuses a policy's clocks may stand still in: waiting for the customer or for a third party. */
    public static final Set<Status> PAUSABLE = Collections.unmodifiableSet(EnumSet.of(Status.PENDING,
            Status.ON_HOLD));

    public PolicyDetails {
        name = name == null ? "" : name.strip();
        conditions = conditions == null ? PolicyConditions.ANY : withSegmentsTidied(conditions);
        EnumMap<Priority, PolicyTargets> all = new EnumMap<>(Priority.class);
        if (targets != null) {
            all.putAll(targets);
        }
        targets = Collections.unmodifiableMap(all);
        pausedIn = pausedIn == null || pausedIn.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(pausedIn));
    }

    /** The settings of a policy as kept. */
    public static PolicyDetails of(SlaPolicy policy) {
        return new PolicyDetails(policy.name(), policy.enabled(), policy.conditions(), policy.calendar(),
                policy.targets(), policy.pausedIn(), policy.firstResponseCap());
    }

    /** The field a target belongs to: {@code firstResponse[0]} is the first response target of a critical ticket. */
    public static String field(ClockTarget kind, Priority priority) {
        return switch (kind) {
            case FIRST_RESPONSE -> "firstResponse";
            case NEXT_RESPONSE -> "nextResponse";
            case PERIODIC_UPDATE -> "periodicUpdate";
            case RESOLUTION -> "resolution";
        } + "[" + priority.ordinal() + "]";
    }

    /** The target of {@code kind} for {@code priority}, or null. */
    public Duration target(Priority priority, ClockTarget kind) {
        PolicyTargets forPriority = targets.get(priority);
        return forPriority == null ? null : forPriority.of(kind);
    }

    /**
     * What is wrong, each with its field: {@code name}, {@code calendar}, {@code firstResponseCap}, {@code pausedIn},
     * a target's field ({@link #field}). Whether the name is free and the calendar and the conditions' values exist is
     * for the caller to check.
     */
    public List<PolicyProblem> problems() {
        List<PolicyProblem> problems = new ArrayList<>();
        if (name.isEmpty()) {
            problems.add(new PolicyProblem("name", "sla-policy.name-required"));
        } else if (name.length() > MAX_NAME) {
            problems.add(new PolicyProblem("name", "sla-policy.too-long", MAX_NAME));
        }
        if (calendar == null) {
            problems.add(new PolicyProblem("calendar", "sla-policy.calendar-required"));
        }
        for (Priority priority : Priority.values()) {
            for (ClockTarget kind : ClockTarget.values()) {
                Duration target = target(priority, kind);
                if (target != null && target.compareTo(MAX_TARGET) > 0) {
                    problems.add(new PolicyProblem(field(kind, priority), "sla-policy.target-too-long",
                            MAX_TARGET.toDays()));
                }
            }
        }
        if (!PAUSABLE.containsAll(pausedIn)) {
            EnumSet<Status> others = EnumSet.copyOf(pausedIn);
            others.removeAll(PAUSABLE);
            problems.add(new PolicyProblem("pausedIn", "sla-policy.paused-status-refused", others.iterator().next()));
        }
        if (firstResponseCap == null) {
            problems.add(new PolicyProblem("firstResponseCap", "sla-policy.cap-required",
                    MAX_FIRST_RESPONSE_CAP.toHours()));
        } else if (firstResponseCap.isNegative() || firstResponseCap.isZero()
                || firstResponseCap.compareTo(MAX_FIRST_RESPONSE_CAP) > 0) {
            problems.add(new PolicyProblem("firstResponseCap", "sla-policy.cap-range",
                    MAX_FIRST_RESPONSE_CAP.toHours()));
        }
        return problems;
    }

    /** Segment names without surrounding spaces, empty ones and repeats that differ only in letter case. */
    private static PolicyConditions withSegmentsTidied(PolicyConditions conditions) {
        Map<String, String> segments = new TreeMap<>();
        for (String segment : conditions.segments()) {
            String trimmed = segment == null ? "" : segment.strip();
            if (!trimmed.isEmpty()) {
                segments.putIfAbsent(trimmed.toLowerCase(Locale.ROOT), trimmed);
            }
        }
        return new PolicyConditions(conditions.priorities(), conditions.categories(), conditions.organizations(),
                new LinkedHashSet<>(segments.values()), conditions.channels(), conditions.teams());
    }
}
