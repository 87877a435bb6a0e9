package io.otklik.sla.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import io.otklik.sla.BusinessCalendarId;
import io.otklik.sla.ClockTarget;
import io.otklik.sla.PolicyConditions;
import io.otklik.sla.PolicyDetails;
import io.otklik.sla.PolicyProblem;
import io.otklik.sla.PolicyTargets;
import io.otklik.sla.SlaPolicy;
import io.otklik.sla.TargetText;
import io.otklik.ticket.Channel;
import io.otklik.ticket.Priority;
import io.otklik.ticket.Status;

/**
 * The form of a policy: name, on or off, the values of each condition (nothing chosen: any), the calendar, the
 * targets of each kind per priority (index = {@link Priority#ordinal()}) as minutes or hours and minutes, the statuses
 * its clocks stand still in and the first-answer cap. Kept as typed, so that what cannot be read is reported next to
 * its field rather than refused by binding.
 */
record PolicyForm(
        String name,
        Boolean enabled,
        List<String> priorities,
        List<String> categories,
        List<String> organizations,
        List<String> segments,
        List<String> channels,
        List<String> teams,
        String calendar,
        List<String> firstResponse,
        List<String> nextResponse,
        List<String> periodicUpdate,
        List<String> resolution,
        List<String> pausedIn,
        String firstResponseCap) {

    PolicyForm {
        priorities = list(priorities);
        categories = list(categories);
        organizations = list(organizations);
        segments = list(segments);
        channels = list(channels);
        teams = list(teams);
        firstResponse = targets(firstResponse);
        nextResponse = targets(nextResponse);
        periodicUpdate = targets(periodicUpdate);
        resolution = targets(resolution);
        pausedIn = list(pausedIn);
    }

    /** A new policy: on, no conditions, and the rest as the default policy has it. */
    static PolicyForm blank(SlaPolicy standard) {
        PolicyForm like = of(standard);
        return new PolicyForm("", true, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                like.calendar(), like.firstResponse(), like.nextResponse(), like.periodicUpdate(), like.resolution(),
                like.pausedIn(), like.firstResponseCap());
    }

    static PolicyForm of(SlaPolicy policy) {
        PolicyConditions conditions = policy.conditions();
        Map<ClockTarget, List<String>> targets = new EnumMap<>(ClockTarget.class);
        for (ClockTarget kind : ClockTarget.values()) {
            List<String> texts = new ArrayList<>();
            for (Priority priority : Priority.values()) {
                texts.add(TargetText.text(policy.target(priority, kind)));
            }
            targets.put(kind, texts);
        }
        return new PolicyForm(policy.name(), policy.enabled(), names(conditions.priorities()),
                texts(conditions.categories()), texts(conditions.organizations()),
                conditions.segments().stream().sorted().toList(), names(conditions.channels()),
                texts(conditions.teams()), policy.calendar().toString(), targets.get(ClockTarget.FIRST_RESPONSE),
                targets.get(ClockTarget.NEXT_RESPONSE), targets.get(ClockTarget.PERIODIC_UPDATE),
                targets.get(ClockTarget.RESOLUTION), names(policy.pausedIn()),
                TargetText.text(policy.firstResponseCap()));
    }

    /** The settings as far as they can be read, and what cannot be read, each with its field. */
    record Read(PolicyDetails details, List<PolicyProblem> problems) {
    }

    Read read() {
        List<PolicyProblem> problems = new ArrayList<>();
        Set<Priority> priorityValues = values("priorities", priorities, Priority::valueOf, problems);
        Set<Long> categoryIds = values("categories", categories, Long::valueOf, problems);
        Set<Long> organizationIds = values("organizations", organizations, Long::valueOf, problems);
        Set<Channel> channelValues = values("channels", channels, Channel::valueOf, problems);
        Set<Long> teamIds = values("teams", teams, Long::valueOf, problems);
        Set<Status> paused = values("pausedIn", pausedIn, Status::valueOf, problems);
        BusinessCalendarId calendarId = null;
        if (calendar != null && !calendar.isBlank()) {
            calendarId = values("calendar", List.of(calendar), text -> new BusinessCalendarId(Long.parseLong(text)),
                    problems).stream().findFirst().orElse(null);
        }
        Map<Priority, PolicyTargets> targets = new EnumMap<>(Priority.class);
        for (Priority priority : Priority.values()) {
            int i = priority.ordinal();
            targets.put(priority, new PolicyTargets(
                    duration(PolicyDetails.field(ClockTarget.FIRST_RESPONSE, priority), firstResponse.get(i), problems),
                    duration(PolicyDetails.field(ClockTarget.NEXT_RESPONSE, priority), nextResponse.get(i), problems),
                    duration(PolicyDetails.field(ClockTarget.PERIODIC_UPDATE, priority), periodicUpdate.get(i),
                            problems),
                    duration(PolicyDetails.field(ClockTarget.RESOLUTION, priority), resolution.get(i), problems)));
        }
        Duration cap = duration("firstResponseCap", firstResponseCap, problems);
        PolicyConditions conditions = new PolicyConditions(priorityValues, categoryIds, organizationIds,
                new LinkedHashSet<>(segments), channelValues, teamIds);
        PolicyDetails details = new PolicyDetails(name, Boolean.TRUE.equals(enabled), conditions, calendarId,
                targets, paused.isEmpty() ? Set.of() : EnumSet.copyOf(paused), cap);
        return new Read(details, problems);
    }

    /** The same form with the default policy's fixed parts: on, and no conditions. */
    PolicyForm asDefault() {
        return new PolicyForm(name, true, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), calendar,
                firstResponse, nextResponse, periodicUpdate, resolution, pausedIn, firstResponseCap);
    }

    private static Duration duration(String field, String text, List<PolicyProblem> problems) {
        TargetText.Read read = TargetText.read(text);
        if (!read.ok()) {
            problems.add(new PolicyProblem(field, read.code(), text.strip()));
        }
        return read.value();
    }

    private static <T> Set<T> values(String field, List<String> texts, Function<String, T> value,
            List<PolicyProblem> problems) {
        Set<T> values = new HashSet<>();
        for (String text : texts) {
            try {
                values.add(value.apply(text.strip()));
            } catch (IllegalArgumentException e) {
                if (problems.stream().noneMatch(problem -> problem.field().equals(field))) {
                    problems.add(new PolicyProblem(field, "sla-policy.choice-unknown"));
                }
            }
        }
        return values;
    }

    private static List<String> list(List<String> values) {
        return values == null ? List.of()
                : values.stream().filter(value -> value != null && !value.isBlank()).distinct().toList();
    }

    private static List<String> targets(List<String> values) {
        List<String> texts = new ArrayList<>(values == null ? List.of() : values);
        texts.replaceAll(text -> text == null ? "" : text);
        while (texts.size() < Priority.values().length) {
            texts.add("");
        }
        return texts;
    }

    private static List<String> names(Set<? extends Enum<?>> values) {
        return values.stream().sorted().map(Enum::name).toList();
    }

    private static List<String> texts(Set<Long> ids) {
        return ids.stream().sorted().map(String::valueOf).toList();
    }
}
