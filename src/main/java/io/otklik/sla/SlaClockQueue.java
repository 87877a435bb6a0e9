package io.otklik.sla;

import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.otklik.shared.BatchWorkers;
import io.otklik.ticket.TicketId;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tickets whose clocks are due to be computed again ({@code sla_pending}), and the worker that computes them. A ticket
 * is noted in the transaction that changed it, so the note commits or rolls back with the change; the worker takes
 * notes in batches after that commit (woken on this node, then letting notes gather for a fifth of a second; every
 * second it looks for notes of other nodes), computes each ticket once per batch however often it was noted, and
 * deletes the notes with the recompute's own commit. A burst of mail thus costs one small insert per ticket event and
 * one transaction per batch, not a stored event publication and a transaction per ticket.
 */
@Component
class SlaClockQueue implements SmartLifecycle, BatchWorkers.Work {

    /** Tickets per recompute transaction. */
    static final int BATCH = 200;

    private static final Logger log = LoggerFactory.getLogger(SlaClockQueue.class);
    /**
     * How long the worker lets notes gather once woken: a burst of mail then costs a transaction per batch, not one
     * per ticket, for a fifth of a second more before its clocks show.
     */
    private static final Duration GATHER = Duration.ofMillis(200);

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final ClockRecompute recompute;
    private final Clock clock;
    private final TransactionTemplate eachBatch;
    private final BatchWorkers workers;

    SlaClockQueue(JdbcClient jdbc, JdbcTemplate batch, ClockRecompute recompute, Clock clock,
            PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.recompute = recompute;
        this.clock = clock;
        this.eachBatch = new TransactionTemplate(transactions);
        this.eachBatch.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.workers = new BatchWorkers("sla-clocks", 1, BATCH, GATHER, this);
    }

    /** Notes the tickets in the current transaction (if any); the worker computes them once it has committed. */
    void add(Collection<TicketId> tickets) {
        if (tickets.isEmpty()) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        batch.batchUpdate("insert into sla_pending (ticket_id, queued_at) values (?, ?)",
                tickets.stream().distinct().map(ticket -> new Object[] {ticket.value(), now}).toList(),
                new int[] {Types.BIGINT, Types.TIMESTAMP_WITH_TIMEZONE});
        workers.wakeAfterCommit();
    }

    /**
     * Computes one batch of noted tickets and deletes their notes; how many notes it took (0 when none were free).
     * Notes another node holds are skipped, not waited for.
     */
    @Override
    public int drainOnce() {
        Integer taken = eachBatch.execute(status -> {
            List<long[]> notes = jdbc.sql("""
                    select id, ticket_id from sla_pending order by id
                    fetch first %d rows only for update skip locked""".formatted(BATCH))
                    .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).list();
            if (notes.isEmpty()) {
                return 0;
            }
            Set<TicketId> tickets = new LinkedHashSet<>();
            notes.forEach(note -> tickets.add(new TicketId(note[1])));
            recompute.recompute(tickets);
            jdbc.sql("delete from sla_pending where id in (:ids)")
                    .param("ids", notes.stream().map(note -> note[0]).toList()).update();
            return notes.size();
        });
        return taken == null ? 0 : taken;
    }

    /**
     * After a batch failed: the same notes ticket by ticket, so that one ticket that cannot be computed does not hold
     * up the others. Its notes are dropped with an error in the log (its next change notes it again).
     */
    @Override
    public void drainSingly() {
        List<long[]> notes = jdbc.sql("select id, ticket_id from sla_pending order by id fetch first %d rows only"
                .formatted(BATCH)).query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).list();
        // The newest note seen: a failing ticket's notes up to it are dropped, not one a change made meanwhile.
        long newest = notes.stream().mapToLong(note -> note[0]).max().orElse(0);
        for (long ticket : notes.stream().mapToLong(note -> note[1]).distinct().toArray()) {
            try {
                eachBatch.executeWithoutResult(status -> {
                    List<Long> ids = jdbc.sql(
                            "select id from sla_pending where ticket_id = :ticket for update skip locked")
                            .param("ticket", ticket).query(Long.class).list();
                    if (!ids.isEmpty()) {
                        recompute.recompute(List.of(new TicketId(ticket)));
                        jdbc.sql("delete from sla_pending where id in (:ids)").param("ids", ids).update();
                    }
                });
            } catch (RuntimeException e) {
                log.error("Service-level clocks of ticket {} cannot be computed; left as they were", ticket, e);
                jdbc.sql("delete from sla_pending where ticket_id = :ticket and id <= :newest")
                        .param("ticket", ticket).param("newest", newest).update();
            }
        }
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
