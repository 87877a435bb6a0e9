package io.otklik.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.otklik.shared.BatchWorkers;
import io.otklik.shared.NotFoundException;
import io.otklik.ticket.TicketId;
import io.otklik.ticket.TicketOpened;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * New tickets waiting for their acknowledgement ({@code acknowledgement_pending}), and the worker that sends them
 * (ADR 22). A ticket is noted in the transaction that opens it, so the note commits or rolls back with the ticket; the
 * worker takes notes in batches after that commit (woken on this node, then letting a burst gather for a tenth of a
 * second; every second it looks for notes of other nodes) and acknowledges each ticket in the batch's transaction,
 * which also deletes the notes. A burst of mail thus costs one small insert per ticket and a transaction per batch,
 * not a stored event publication and three transactions per ticket.
 *
 * <p>A batch that fails is tried ticket by ticket; a ticket whose acknowledgement still fails is tried again later
 * (30 s, then longer) and after {@value #MAX_ATTEMPTS} tries recorded on the ticket as not sent.
 */
@Component
class AcknowledgementQueue implements SmartLifecycle, BatchWorkers.Work {

    /** Tickets per transaction. */
    static final int BATCH = 100;
    /** Tries of one ticket's acknowledgement before it is recorded as not sent. */
    static final int MAX_ATTEMPTS = 5;

    private static final Logger log = LoggerFactory.getLogger(AcknowledgementQueue.class);
    /** How long the worker lets notes gather once woken: a burst then costs a transaction per batch. */
    private static final Duration GATHER = Duration.ofMillis(100);

    private final JdbcClient jdbc;
    private final KeepCustomersInformed customers;
    private final NotificationLog notifications;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final BatchWorkers workers;

    AcknowledgementQueue(JdbcClient jdbc, KeepCustomersInformed customers, NotificationLog notifications,
            Clock clock, PlatformTransactionManager transactions,
            @Value("${otklik.notifications.acknowledgement-workers:2}") int workers) {
        this.jdbc = jdbc;
        this.customers = customers;
        this.notifications = notifications;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.workers = new BatchWorkers("acknowledgements", workers, BATCH, GATHER, this);
    }

    /** Heard in the transaction that opens the ticket: the note is saved with it, or not at all. */
    @EventListener
    void on(TicketOpened event) {
        add(event.ticket());
    }

    /** Notes the ticket in the current transaction (if any); the worker acknowledges it once that has committed. */
    void add(TicketId ticket) {
        jdbc.sql("insert into acknowledgement_pending (ticket_id, attempts, due_at) values (:ticket, 0, :now)")
                .param("ticket", ticket.value()).param("now", Timestamp.from(clock.instant())).update();
        workers.wakeAfterCommit();
    }

    /**
     * Acknowledges one batch of due tickets in one transaction and deletes their notes; how many it took (0 when none
     * were due or free). Notes another node holds are skipped, not waited for.
     */
    @Override
    public int drainOnce() {
        Integer taken = transaction.execute(status -> {
            List<Long> tickets = jdbc.sql("""
                    select ticket_id from acknowledgement_pending where due_at <= :now order by due_at, ticket_id
                    fetch first %d rows only for update skip locked""".formatted(BATCH))
                    .param("now", Timestamp.from(clock.instant())).query(Long.class).list();
            if (tickets.isEmpty()) {
                return 0;
            }
            customers.acknowledge(tickets.stream().map(TicketId::new).toList());
            jdbc.sql("delete from acknowledgement_pending where ticket_id in (:tickets)").param("tickets", tickets)
                    .update();
            return tickets.size();
        });
        return taken == null ? 0 : taken;
    }

    /**
     * After a batch failed: the due tickets one by one, so that one whose acknowledgement fails does not hold up the
     * others. That one is tried again later, and recorded as not sent after {@value #MAX_ATTEMPTS} tries.
     */
    @Override
    public void drainSingly() {
        List<Long> tickets = jdbc.sql("""
                select ticket_id from acknowledgement_pending where due_at <= :now order by due_at, ticket_id
                fetch first %d rows only""".formatted(BATCH))
                .param("now", Timestamp.from(clock.instant())).query(Long.class).list();
        for (long ticket : tickets) {
            try {
                transaction.executeWithoutResult(status -> {
                    boolean free = !jdbc.sql("""
                            select ticket_id from acknowledgement_pending where ticket_id = :ticket
                            for update skip locked""").param("ticket", ticket).query(Long.class).list().isEmpty();
                    if (free) {
                        customers.acknowledge(List.of(new TicketId(ticket)));
                        jdbc.sql("delete from acknowledgement_pending where ticket_id = :ticket")
                                .param("ticket", ticket).update();
                    }
                });
            } catch (RuntimeException e) {
                failed(ticket, e);
            }
        }
    }

    private void failed(long ticket, RuntimeException e) {
        if (e instanceof NotFoundException) {
            log.info("Ticket {} is gone before its acknowledgement was sent", ticket);
            jdbc.sql("delete from acknowledgement_pending where ticket_id = :ticket").param("ticket", ticket).update();
            return;
        }
        transaction.executeWithoutResult(status -> {
            Integer attempts = jdbc.sql("select attempts from acknowledgement_pending where ticket_id = :ticket")
                    .param("ticket", ticket).query(Integer.class).optional().map(n -> n + 1).orElse(null);
            if (attempts == null) {
                return;
            }
            if (attempts >= MAX_ATTEMPTS) {
                log.error("The acknowledgement of ticket {} could not be sent after {} tries, given up", ticket,
                        attempts, e);
                notifications.addFailed("ack:" + ticket, ticket, NotificationKind.ACKNOWLEDGEMENT,
                        clock.instant());
                jdbc.sql("delete from acknowledgement_pending where ticket_id = :ticket").param("ticket", ticket)
                        .update();
                return;
            }
            Instant again = clock.instant().plus(backoff(attempts));
            log.warn("The acknowledgement of ticket {} could not be sent (try {}), again at {}: {}", ticket,
                    attempts, again, e.toString());
            String error = e.toString();
            jdbc.sql("""
                    update acknowledgement_pending set attempts = :attempts, due_at = :again, last_error = :error
                    where ticket_id = :ticket""")
                    .param("attempts", attempts).param("again", Timestamp.from(again))
                    .param("error", error.length() > 2000 ? error.substring(0, 2000) : error)
                    .param("ticket", ticket).update();
        });
    }

    static Duration backoff(int attempts) {
        return Duration.ofSeconds(30L << Math.min(attempts - 1, 6));
    }

    @Override
    public void start() {
        workers.start();
    }

    @Override
    public void stop() {
        workers.stop();
    }

    @Override
    public boolean isRunning() {
        return workers.isRunning();
    }
}
