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

    /** The ticket, without the staff access check: for callers who check access their own way (customers). */
    java.util.Optional<Ticket> find(TicketId id) {
        return tickets.findById(id.value());
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
     * Queues a new ticket's insert before anything that refers to it. Messages, attachments and history point to
     * the ticket by plain id, so Hibernate cannot know to insert the ticket first: it inserts in the order of
     * persisting, and the foreign keys would fail.
     */
    Ticket add(Ticket ticket) {
        return tickets.save(ticket);
    }

    /** Saves the ticket and the history its change recorded; flushes, so the returned version is current. */
    Ticket save(Ticket ticket) {
        ticket.changed(clock.instant());
        Ticket saved = tickets.save(ticket);
        history.saveAll(ticket.drainHistory());
        tickets.flush();
        return saved;
    }

    Instant now() {
        return clock.instant();
    }
}
