package io.otklik.sla;

import io.otklik.ticket.Channel;
import io.otklik.ticket.Priority;

import java.util.Set;

/**
 * When a policy applies. Each set that is not empty must contain the ticket's value (segments: one of the
 * requester's segments, compared ignoring case); empty sets match anything, so a policy without conditions matches
 * every ticket.
 */
public record PolicyConditions(Set<Priority> priorities, Set<Long> categories, Set<Long> organizations,
        Set<String> segments, Set<Channel> channels, Set<Long> teams) {

    public static final PolicyConditions ANY = new PolicyConditions(Set.of(), Set.of(), Set.of(), Set.of(), Set.of(),
            Set.of());

    public PolicyConditions {
        priorities = priorities == null ? Set.of() : Set.copyOf(priorities);
        categories = categories == null ? Set.of() : Set.copyOf(categories);
        organizations = organizations == null ? Set.of() : Set.copyOf(organizations);
        segments = segments == null ? Set.of() : Set.copyOf(segments);
        channels = channels == null ? Set.of() : Set.copyOf(channels);
        teams = teams == null ? Set.of() : Set.copyOf(teams);
    }

    /** A value the ticket lacks ({@code null}: no category, organization or team) matches only an empty set. */
    public boolean matches(SlaSubject subject) {
        return in(priorities, subject.priority())
                && in(categories, subject.categoryId())
                && in(organizations, subject.organizationId())
                && (segments.isEmpty() || subject.segments().stream()
                        .anyMatch(s -> segments.stream().anyMatch(s::equalsIgnoreCase)))
                && in(channels, subject.channel())
                && in(teams, subject.teamId());
    }

    /** Set.copyOf's sets throw on contains(null), hence the check. */
    private static <T> boolean in(Set<T> values, T value) {
        return values.isEmpty() || value != null && values.contains(value);
    }
}
