package io.otklik.ticket;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Closes the loop: a ticket solved for {@code otklik.tickets.close-solved-after} (7 days unless set) without the
 * customer answering is closed by the system. Each ticket closes in its own transaction; when two nodes race for
 * one, the version check lets one of them win and the other moves on.
 */
@Component
class SolvedTicketsCloser {

    private static final Logger log = LoggerFactory.getLogger(SolvedTicketsCloser.class);
    private static final int BATCH = 200;

    private final JdbcClient jdbc;
    private final TicketStore store;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Duration after;

    SolvedTicketsCloser(JdbcClient jdbc, TicketStore store, TransactionTemplate transactions, Clock clock,
            @Value("${otklik.tickets.close-solved-after:7d}") Duration after) {
        this.jdbc = jdbc;
        this.store = store;
        this.transactions = transactions;
        this.clock = clock;
        this.after = after;
    }

    @Scheduled(initialDelayString = "${otklik.tickets.close-solved-check:5m}",
            fixedDelayString = "${otklik.tickets.close-solved-check:5m}")
    void closeUnanswered() {
        int closed;
        do {
            closed = closeSolvedBefore(clock.instant().minus(after));
        } while (closed == BATCH);
    }

    /** Closes up to one batch of tickets solved before the given time; returns how many it looked at. */
    int closeSolvedBefore(Instant cutoff) {
        List<Long> due = jdbc.sql("select id from ticket where status = 'SOLVED' and solved_at < :cutoff order by id"
                + " limit " + BATCH).param("cutoff", Timestamp.from(cutoff)).query(Long.class).list();
        for (long id : due) {
            try {
                transactions.executeWithoutResult(status -> {
                    Ticket ticket = store.load(new TicketId(id));
                    if (ticket.status() == Status.SOLVED) {
                        ticket.changeStatus(Status.CLOSED, Actor.system(), clock.instant());
                        store.save(ticket);
                    }
                });
            } catch (OptimisticLockingFailureException e) {
                log.debug("Ticket {} changed while closing it; left for the next round", id);
            }
        }
        return due.size();
    }
}
