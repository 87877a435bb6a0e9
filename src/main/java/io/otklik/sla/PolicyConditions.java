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

    public boolean matches(SlaSubject subject) {
        return (priorities.isEmpty() || priorities.contains(subject.priority()))
                && (categories.isEmpty() || categories.contains(subject.categoryId()))
                && (organizations.isEmpty() || organizations.contains(subject.organizationId()))
                && (segments.isEmpty() || subject.segments().stream()
                        .anyMatch(s -> segments.stream().anyMatch(s::equalsIgnoreCase)))
                && (channels.isEmpty() || channels.contains(subject.channel()))
                && (teams.isEmpty() || teams.contains(subject.teamId()));
    }
}
