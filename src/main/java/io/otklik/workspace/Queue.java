package io.otklik.workspace;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import io.otklik.agent.AgentAccess;
import io.otklik.agent.TeamId;
import io.otklik.ticket.Status;
import io.otklik.ticket.TicketFilter;
import io.otklik.ticket.TicketSort;

/** The workspace's standard queues ("views"): what each shows, for the agent looking at it. */
public enum Queue {
    MINE("mine"), UNASSIGNED("unassigned"), TEAM("team"), ALL_OPEN("all-open"), PENDING("pending"),
    SOLVED("solved"), ALL("all");

    /** Queues listed in the sidebar, in order; ALL is the search over every ticket. */
    public static final Set<Queue> SIDEBAR = EnumSet.of(MINE, UNASSIGNED, TEAM, ALL_OPEN, PENDING, SOLVED);
    static final Duration RECENTLY = Duration.ofDays(7);
    private static final Set<Status> UNSOLVED = Status.UNSOLVED;
    private static final Set<Status> NEW_OR_OPEN = EnumSet.of(Status.NEW, Status.OPEN);

    private final String slug;

    Queue(String slug) {
        this.slug = slug;
    }

    public String slug() {
        return slug;
    }

    public String messageKey() {
        return "queue." + slug;
    }

    public static Optional<Queue> bySlug(String slug) {
        for (Queue queue : values()) {
            if (queue.slug.equals(slug)) {
                return Optional.of(queue);
            }
        }
        return Optional.empty();
    }

    /** The queue's own conditions for this agent, before any filter the agent adds. */
    public TicketFilter filterFor(AgentAccess me, Clock clock) {
        TicketFilter all = TicketFilter.all();
        return switch (this) {
            case MINE -> all.withAssignee(me.agent()).withStatuses(UNSOLVED);
            case UNASSIGNED -> all.onlyUnassigned().withStatuses(NEW_OR_OPEN);
            case TEAM -> all.withTeams(me.teams().isEmpty() ? Set.of(new TeamId(-1)) : me.teams())
                    .withStatuses(UNSOLVED);
            case ALL_OPEN -> all.withStatuses(NEW_OR_OPEN);
            case PENDING -> all.withStatuses(EnumSet.of(Status.PENDING, Status.ON_HOLD));
            case SOLVED -> all.withStatuses(EnumSet.of(Status.SOLVED, Status.CLOSED))
                    .withUpdatedSince(clock.instant().minus(RECENTLY));
            case ALL -> all;
        };
    }

    public TicketSort defaultSort() {
        return this == PENDING ? TicketSort.UPDATED_ASC : TicketSort.UPDATED_DESC;
    }
}
