package io.otklik.ticket;

import java.util.Set;

/** The checked, resolved values a ticket opens with (ids already known to exist). */
record NewTicketData(String subject, Priority priority, Long categoryId, Channel channel, Long requesterId,
        Long organizationId, Long teamId, Long assigneeId, Set<String> tags) {
}
