package io.otklik.ticket.rest;

import java.util.Set;
import java.util.stream.Collectors;

import io.otklik.agent.AgentId;
import io.otklik.agent.TeamId;
import io.otklik.customer.CustomerId;
import io.otklik.ticket.Priority;
import io.otklik.ticket.Status;
import io.otklik.ticket.TicketFilter;
import io.otklik.ticket.TicketSort;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * Query parameters of {@code GET /api/v1/tickets}, the same filters as the workspace queues. {@code status},
 * {@code priority} and {@code teamId} may repeat; {@code q} matches the subject or the ticket number; {@code sort}
 * is one of {@code updated_desc} (the default), {@code updated_asc}, {@code created_desc}, {@code created_asc},
 * {@code priority}, {@code due} (due soonest: overdue first, tickets without a running service-level clock last).
 */
record TicketListQuery(
        Set<Status> status,
        Set<Priority> priority,
        Set<Long> teamId,
        Long assigneeId,
        Boolean unassigned,
        Long categoryId,
        String tag,
        String q,
        Long requesterId,
        TicketSort sort,
        @Min(value = 0, message = "{error.min}") Integer page,
        @Min(value = 1, message = "{error.min}") @Max(value = 100, message = "{error.max}") Integer size) {

    static final int DEFAULT_SIZE = 20;

    TicketFilter filter() {
        TicketFilter filter = TicketFilter.all()
                .withStatuses(status == null ? Set.of() : status)
                .withPriorities(priority == null ? Set.of() : priority)
                .withTeams(teamId == null ? Set.of() : teamId.stream().map(TeamId::new).collect(Collectors.toSet()))
                .withCategory(categoryId)
                .withTag(tag)
                .withText(q)
                .withRequester(requesterId == null ? null : new CustomerId(requesterId));
        if (Boolean.TRUE.equals(unassigned)) {
            return filter.onlyUnassigned();
        }
        return assigneeId == null ? filter : filter.withAssignee(new AgentId(assigneeId));
    }

    TicketSort sortOrDefault() {
        return sort == null ? TicketSort.UPDATED_DESC : sort;
    }

    int pageOrFirst() {
        return page == null ? 0 : page;
    }

    int sizeOrDefault() {
        return size == null ? DEFAULT_SIZE : size;
    }
}
