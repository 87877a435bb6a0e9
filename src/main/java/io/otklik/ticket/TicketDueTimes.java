package io.otklik.ticket;

import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps each ticket's {@link NextDue} on the ticket itself, for queues to sort and show without asking the service
 * levels. The service levels call it whenever they replace tickets' clocks, in their transaction; a ticket whose
 * value did not change is not written, and the ones that did are announced with {@link NextDueChanged}. Not limited
 * by who asks: only the system calls it.
 */
@Service
public class TicketDueTimes {

    private static final int TIME = Types.TIMESTAMP_WITH_TIMEZONE;
    private static final int[] TYPES = {TIME, TIME, Types.BOOLEAN, Types.BIGINT, TIME, TIME, Types.BOOLEAN};

    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    TicketDueTimes(JdbcTemplate jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Records the next due time of each ticket given ({@code null}: no clock runs). Tickets that do not exist are
     * skipped.
     *
     * @return the tickets whose next due time changed
     */
    @Transactional
    public List<TicketId> record(Map<TicketId, NextDue> dues) {
        if (dues.isEmpty()) {
            return List.of();
        }
        List<TicketId> tickets = dues.keySet().stream().sorted(java.util.Comparator.comparing(TicketId::value))
                .toList();
        List<Object[]> rows = new ArrayList<>(tickets.size());
        for (TicketId ticket : tickets) {
            NextDue due = dues.get(ticket);
            OffsetDateTime at = due == null ? null : utc(due.at());
            OffsetDateTime near = due == null ? null : utc(due.nearFrom());
            boolean breached = due != null && due.breached();
            rows.add(new Object[] {at, near, breached, ticket.value(), at, near, breached});
        }
        int[] updated = jdbc.batchUpdate("""
                update ticket set next_due_at = ?, next_due_near_at = ?, next_due_breached = ?
                where id = ? and (next_due_at is distinct from ? or next_due_near_at is distinct from ?
                                  or next_due_breached <> ?)""", rows, TYPES);
        List<TicketId> changed = new ArrayList<>();
        for (int i = 0; i < updated.length; i++) {
            if (updated[i] > 0) {
                changed.add(tickets.get(i));
            }
        }
        if (!changed.isEmpty()) {
            events.publishEvent(new NextDueChanged(changed, clock.instant()));
        }
        return changed;
    }

    /** As the database keeps it (microseconds), so that an unchanged value compares equal. */
    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }
}
