package io.otklik.notification;

import java.util.List;
import java.util.Map;

import io.otklik.channel.DeliveryState;
import io.otklik.channel.Outbox;
import io.otklik.ticket.TicketId;
import io.otklik.ticket.TicketQueries;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The notices of a ticket, for the agents' ticket page: each with its delivery state or why it was not sent. */
@Service
public class NotificationHistory {

    private final TicketQueries tickets;
    private final NotificationLog log;
    private final Outbox outbox;

    NotificationHistory(TicketQueries tickets, NotificationLog log, Outbox outbox) {
        this.tickets = tickets;
        this.log = log;
        this.outbox = outbox;
    }

    /** Answers "not found" for a ticket the signed-in agent may not see. */
    @Transactional(readOnly = true)
    public List<NotificationView> of(TicketId ticket) {
        tickets.details(ticket);
        List<NotificationLog.Row> rows = log.ofTicket(ticket.value());
        Map<Long, DeliveryState> states = outbox.states(rows.stream().map(NotificationLog.Row::outboxId)
                .filter(java.util.Objects::nonNull).toList());
        return rows.stream().map(row -> new NotificationView(row.id(), row.kind(), row.audience(), row.recipient(),
                row.language(), row.createdAt(), row.suppressed(),
                row.outboxId() == null ? null : states.get(row.outboxId()), row.cc())).toList();
    }
}
