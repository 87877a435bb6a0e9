package io.otklik.sla;

import io.otklik.ticket.Channel;
import io.otklik.ticket.Priority;

import java.util.Set;

/**
 * What policies are matched on: a ticket's priority, category, the requester's organization and segments, the
 * channel it came by and its team. Ids are plain numbers so that this module need not know customers.
 */
public record SlaSubject(Priority priority, Long categoryId, Long organizationId, Set<String> segments,
        Channel channel, Long teamId) {

    public SlaSubject {
        segments = segments == null ? Set.of() : Set.copyOf(segments);
    }
}
