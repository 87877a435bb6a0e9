package io.otklik.sla.rest;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.otklik.sla.ClockTarget;
import io.otklik.sla.PolicyConditions;
import io.otklik.sla.SlaPolicy;
import io.otklik.sla.SlaPolicyView;
import io.otklik.ticket.Channel;
import io.otklik.ticket.Priority;
import io.otklik.ticket.Status;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A service-level policy: its place in the order (1 first), whether it is on and whether it is the default one, when
 * it applies, the calendar its targets count in, the targets per priority, the statuses its clocks stand still in and
 * the first-answer cap.
 */
record SlaPolicyResponse(long id, int position, String name, boolean enabled, boolean defaultPolicy,
        Conditions conditions, long calendarId, Map<Priority, Targets> targets, List<Status> pausedIn,
        @Schema(description = "The longest a first answer may take in calendar minutes, at most 1440 (24 hours).")
        long firstResponseCapMinutes) {

    /** Each list that is not empty must hold the ticket's value; empty lists match anything. */
    record Conditions(List<Priority> priorities, List<Long> categoryIds, List<Long> organizationIds,
            @Schema(description = "Segment names of the requester, compared ignoring case.") List<String> segments,
            List<Channel> channels, List<Long> teamIds) {
    }

    /** Minutes of working time; null where the policy sets no such target. */
    record Targets(Long firstResponseMinutes, Long nextResponseMinutes, Long periodicUpdateMinutes,
            Long resolutionMinutes) {
    }

    static SlaPolicyResponse of(SlaPolicyView view, int position) {
        SlaPolicy policy = view.policy();
        PolicyConditions conditions = policy.conditions();
        Map<Priority, Targets> targets = new EnumMap<>(Priority.class);
        for (Priority priority : Priority.values()) {
            targets.put(priority, new Targets(minutes(policy, priority, ClockTarget.FIRST_RESPONSE),
                    minutes(policy, priority, ClockTarget.NEXT_RESPONSE),
                    minutes(policy, priority, ClockTarget.PERIODIC_UPDATE),
                    minutes(policy, priority, ClockTarget.RESOLUTION)));
        }
        return new SlaPolicyResponse(policy.id().value(), position, policy.name(), policy.enabled(),
                view.isDefault(), new Conditions(sorted(conditions.priorities()), sorted(conditions.categories()),
                        sorted(conditions.organizations()), sorted(conditions.segments()),
                        sorted(conditions.channels()), sorted(conditions.teams())),
                policy.calendar().value(), targets, sorted(policy.pausedIn()), policy.firstResponseCap().toMinutes());
    }

    private static Long minutes(SlaPolicy policy, Priority priority, ClockTarget kind) {
        Duration target = policy.target(priority, kind);
        return target == null ? null : target.toMinutes();
    }

    private static <T extends Comparable<? super T>> List<T> sorted(Set<T> values) {
        return values.stream().sorted().toList();
    }
}
