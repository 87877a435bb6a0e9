package io.otklik.ticket.rest;

import java.util.Set;
import java.util.function.Function;

import io.otklik.agent.AgentId;
import io.otklik.agent.TeamId;
import io.otklik.ticket.Change;
import io.otklik.ticket.Priority;
import io.otklik.ticket.Status;
import io.otklik.ticket.TicketChanges;

import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * Body of {@code PATCH /api/v1/tickets/{number}}: only the fields present change; {@code null} clears the
 * assignee, team or category. {@code version}, when given, must be the version the caller last saw.
 */
record TicketPatch(
        @JsonDeserialize(using = ChangeDeserializer.class) Change<String> subject,
        @JsonDeserialize(using = ChangeDeserializer.class) Change<Status> status,
        @JsonDeserialize(using = ChangeDeserializer.class) Change<Priority> priority,
        @JsonDeserialize(using = ChangeDeserializer.class) Change<Long> categoryId,
        @JsonDeserialize(using = ChangeDeserializer.class) Change<Long> assigneeId,
        @JsonDeserialize(using = ChangeDeserializer.class) Change<Long> teamId,
        @JsonDeserialize(using = ChangeDeserializer.class) Change<Set<String>> tags,
        Long version) {

    TicketChanges changes() {
        return new TicketChanges(given(subject), given(status), given(priority), given(categoryId),
                map(assigneeId, AgentId::new), map(teamId, TeamId::new), given(tags));
    }

    /** An absent field normally arrives as "keep"; should Jackson leave it {@code null} instead, it is kept too. */
    private static <T> Change<T> given(Change<T> change) {
        return change == null ? Change.keep() : change;
    }

    private static <T, R> Change<R> map(Change<T> change, Function<T, R> mapper) {
        Change<T> given = given(change);
        if (!given.present()) {
            return Change.keep();
        }
        return Change.to(given.value() == null ? null : mapper.apply(given.value()));
    }
}
