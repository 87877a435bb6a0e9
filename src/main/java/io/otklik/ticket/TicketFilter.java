package io.otklik.ticket;

import java.time.Instant;
import java.util.Set;

import io.otklik.agent.AgentId;
import io.otklik.agent.TeamId;
import io.otklik.customer.CustomerId;

/**
 * What a queue or a search shows; every condition is optional. {@code unassigned} asks for tickets with no
 * assignee; {@code text} matches the subject or the ticket number; {@code updatedSince} limits to recent work.
 */
public record TicketFilter(Set<Status> statuses, Set<Priority> priorities, Set<TeamId> teams, AgentId assignee,
        boolean unassigned, Long categoryId, String tag, String text, CustomerId requester, Instant updatedSince) {

    public static TicketFilter all() {
        return new TicketFilter(Set.of(), Set.of(), Set.of(), null, false, null, null, null, null, null);
    }

    public TicketFilter withStatuses(Set<Status> value) {
        return new TicketFilter(value, priorities, teams, assignee, unassigned, categoryId, tag, text, requester,
                updatedSince);
    }

    public TicketFilter withPriorities(Set<Priority> value) {
        return new TicketFilter(statuses, value, teams, assignee, unassigned, categoryId, tag, text, requester,
                updatedSince);
    }

    public TicketFilter withTeams(Set<TeamId> value) {
        return new TicketFilter(statuses, priorities, value, assignee, unassigned, categoryId, tag, text, requester,
                updatedSince);
    }

    public TicketFilter withAssignee(AgentId value) {
        return new TicketFilter(statuses, priorities, teams, value, false, categoryId, tag, text, requester,
                updatedSince);
    }

    public TicketFilter onlyUnassigned() {
        return new TicketFilter(statuses, priorities, teams, null, true, categoryId, tag, text, requester,
                updatedSince);
    }

    public TicketFilter withCategory(Long value) {
        return new TicketFilter(statuses, priorities, teams, assignee, unassigned, value, tag, text, requester,
                updatedSince);
    }

    public TicketFilter withTag(String value) {
        return new TicketFilter(statuses, priorities, teams, assignee, unassigned, categoryId, value, text, requester,
                updatedSince);
    }

    public TicketFilter withText(String value) {
        return new TicketFilter(statuses, priorities, teams, assignee, unassigned, categoryId, tag, value, requester,
                updatedSince);
    }

    public TicketFilter withRequester(CustomerId value) {
        return new TicketFilter(statuses, priorities, teams, assignee, unassigned, categoryId, tag, text, value,
                updatedSince);
    }

    public TicketFilter withUpdatedSince(Instant value) {
        return new TicketFilter(statuses, priorities, teams, assignee, unassigned, categoryId, tag, text, requester,
                value);
    }
}
