package io.otklik.ticket;

import java.time.Clock;
import java.time.Instant;

import io.otklik.shared.ConflictException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Loads tickets for the asker (checking access) and saves them with their history in the caller's
 * transaction, so a change and its history row commit together.
 */
@Component
class TicketStore {

    private final Tickets tickets;
    private final TicketHistory history;
    private final TicketAccess access;
    private final JdbcClient jdbc;
    private final TicketProperties properties;
    private final Clock clock;

    TicketStore(Tickets tickets, TicketHistory history, TicketAccess access, JdbcClient jdbc,
            TicketProperties properties, Clock clock) {
        this.tickets = tickets;
        this.history = history;
        this.access = access;
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    /** Draws the next ticket number. Never reused; a rolled-back transaction leaves a gap. */
    long nextNumber() {
        return jdbc.sql("select nextval('ticket_number_seq')").query(Long.class).single();
    }

    String referenceOf(long number) {
        return properties.tickets().numberPrefix() + number;
    }

    Ticket load(TicketId id) {
        return access.check(tickets.findById(id.value()).orElseThrow(() -> TicketAccess.notFound(id.value())));
    }

    /** Loads the ticket and refuses the change when the caller saw an older version than the current one. */
    Ticket load(TicketId id, Long expectedVersion) {
        Ticket ticket = load(id);
        if (expectedVersion != null && expectedVersion != ticket.version()) {
            throw new ConflictException("ticket.changed-meanwhile", ticket.reference());
        }
        return ticket;
    }

    /**
     * Registers a ticket just opened, before anything refers to it. Its messages and files point to it by id only,
     * so the persistence context must learn of the ticket first to write its row first.
     */
    void add(Ticket ticket) {
        tickets.save(ticket);
    }

    Ticket save(Ticket ticket) {
        Instant now = clock.instant();
        ticket.changed(now);
        history.saveAll(ticket.drainHistory());
        return tickets.saveAndFlush(ticket);
    }

    Instant now() {
        return clock.instant();
    }
}
