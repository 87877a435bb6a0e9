package io.otklik.ticket;

import java.util.Set;

import io.otklik.agent.AgentId;
import io.otklik.agent.TeamId;

/** A partial update of a ticket's fields; each field is kept unless given. */
public record TicketChanges(Change<String> subject, Change<Status> status, Change<Priority> priority,
        Change<Long> category, Change<AgentId> assignee, Change<TeamId> team, Change<Set<String>> tags) {

    public static TicketChanges none() {
        return new TicketChanges(Change.keep(), Change.keep(), Change.keep(), Change.keep(), Change.keep(),
                Change.keep(), Change.keep());
    }

    public TicketChanges withStatus(Status value) {
        return new TicketChanges(subject, Change.to(value), priority, category, assignee, team, tags);
    }

    public TicketChanges withPriority(Priority value) {
        return new TicketChanges(subject, status, Change.to(value), category, assignee, team, tags);
    }

    public TicketChanges withCategory(Long value) {
        return new TicketChanges(subject, status, priority, Change.to(value), assignee, team, tags);
    }

    public TicketChanges withAssignee(AgentId value) {
        return new TicketChanges(subject, status, priority, category, Change.to(value), team, tags);
    }

    public TicketChanges withTeam(TeamId value) {
        return new TicketChanges(subject, status, priority, category, assignee, Change.to(value), tags);
    }

    public TicketChanges withTags(Set<String> value) {
        return new TicketChanges(subject, status, priority, category, assignee, team, Change.to(value));
    }

    public TicketChanges withSubject(String value) {
        return new TicketChanges(Change.to(value), status, priority, category, assignee, team, tags);
    }
}
