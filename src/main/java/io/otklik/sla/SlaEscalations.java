package io.otklik.sla;

import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.otklik.ticket.Status;
import io.otklik.ticket.TicketId;
import io.otklik.ticket.TicketState;
import io.otklik.ticket.TicketQueries;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fires escalation rules as clocks reach them, on every node: every {@code otklik.sla.escalations.interval} it takes
 * the running clocks whose {@code next_check_at} has come, a batch at a time and each locked for the transaction
 * ({@code for update skip locked}: two nodes never take the same clock, neither waits for the other), fires their due
 * rules ({@link EscalationActions}: recorded under a unique key in the transaction of the action, so a rule fires once
 * per clock however many nodes look and however often the clock is recomputed), and sets when to look at each clock
 * next. The query reads the index on {@code (state, next_check_at)} and stops at the batch: its cost does not grow
 * with the number of open tickets.
 */
@Component
class SlaEscalations {

    private static final Logger log = LoggerFactory.getLogger(SlaEscalations.class);

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final EscalationSchedule schedule;
    private final EscalationActions actions;
    private final TicketQueries tickets;
    private final EscalationSettings settings;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Timer scans;
    private final Timer selects;
    private final MeterRegistry meters;

    SlaEscalations(JdbcClient jdbc, JdbcTemplate batches, EscalationSchedule schedule, EscalationActions actions,
            TicketQueries tickets, EscalationSettings settings, PlatformTransactionManager transactionManager,
            Clock clock, ObjectProvider<MeterRegistry> meters) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.schedule = schedule;
        this.actions = actions;
        this.tickets = tickets;
        this.settings = settings;
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.meters = meters.getIfAvailable();
        this.scans = this.meters == null ? null : Timer.builder("otklik.sla.escalations.scan")
                .description("One look for service-level clocks with escalation rules due, with what it fired")
                .register(this.meters);
        this.selects = this.meters == null ? null : Timer.builder("otklik.sla.escalations.select")
                .description("The query that takes a batch of clocks due (index on state, next_check_at)")
                .register(this.meters);
    }

    /** What one scan did: clocks looked at, rules fired, clocks put off after a failure. */
    record Scan(int clocks, int fired, int failed) {

        Scan plus(Scan other) {
            return new Scan(clocks + other.clocks, fired + other.fired, failed + other.failed);
        }
    }

    @Scheduled(initialDelayString = "${otklik.sla.escalations.interval:5s}",
            fixedDelayString = "${otklik.sla.escalations.interval:5s}")
    void scheduled() {
        if (!settings.enabled()) {
            return;
        }
        try {
            Scan scan = scan();
            if (scan.fired() > 0 || scan.failed() > 0) {
                log.debug("Escalations: {} clocks looked at, {} rules fired, {} put off", scan.clocks(), scan.fired(),
                        scan.failed());
            }
        } catch (RuntimeException e) {
            // The database is away, say: the next round tries again.
            log.warn("Looking for due escalations failed: {}", e.toString());
        }
    }

    /**
     * Looks at every clock due now, a batch per transaction, for at most about one interval (a backlog goes on in the
     * next round, or on another node meanwhile).
     */
    Scan scan() {
        long started = System.nanoTime();
        long limit = settings.interval().toNanos();
        Scan total = new Scan(0, 0, 0);
        Scan batch;
        do {
            batch = batch(clock.instant());
            total = total.plus(batch);
        } while (batch.clocks() == settings.batchSize() && System.nanoTime() - started < limit);
        if (meters != null) {
            scans.record(Duration.ofNanos(System.nanoTime() - started));
            // counted once committed: what this node fired
            meters.counter("otklik.sla.escalations.fired").increment(total.fired());
        }
        return total;
    }

    /** One batch in one transaction; when that fails, its clocks one by one, so one bad ticket holds up no other. */
    private Scan batch(Instant now) {
        List<EscalationSchedule.Running> taken = new ArrayList<>();
        try {
            return transactions.execute(status -> {
                taken.addAll(due(now, settings.batchSize(), null));
                return handle(taken, now);
            });
        } catch (RuntimeException e) {
            if (taken.isEmpty()) {
                throw e;
            }
            log.info("Escalations of {} clocks failed together ({}); trying them one by one", taken.size(),
                    e.toString());
            Scan scan = new Scan(0, 0, 0);
            for (EscalationSchedule.Running one : taken) {
                scan = scan.plus(single(one, now));
            }
            return scan;
        }
    }

    private Scan single(EscalationSchedule.Running clock, Instant now) {
        try {
            return transactions.execute(status -> handle(due(now, 1, clock), now));
        } catch (RuntimeException e) {
            Instant later = now.plus(settings.retryAfter());
            log.warn("Escalating ticket {} ({}) failed, trying again at {}: {}", clock.ticket(), clock.target(), later,
                    e.toString());
            transactions.executeWithoutResult(status -> setNext(List.of(new Next(clock, later))));
            return new Scan(1, 0, 1);
        }
    }

    /** Fires the due rules of the taken clocks and sets when to look at each next. */
    private Scan handle(List<EscalationSchedule.Running> taken, Instant now) {
        if (taken.isEmpty()) {
            return new Scan(0, 0, 0);
        }
        EscalationSchedule.Plan plan = schedule.plan(taken.stream().map(EscalationSchedule.Running::ticket).toList());
        List<Next> next = new ArrayList<>(taken.size());
        Map<EscalationSchedule.Running, EscalationSchedule.Decision> decisions = new HashMap<>();
        for (EscalationSchedule.Running clock : taken) {
            decisions.put(clock, plan.decide(clock, now));
        }
        // the tickets with something due, read at once
        Map<TicketId, TicketState> tickets = new HashMap<>(this.tickets.states(taken.stream()
                .filter(clock -> !decisions.get(clock).due().isEmpty()).map(clock -> new TicketId(clock.ticket()))
                .toList()));
        int fired = 0;
        for (EscalationSchedule.Running clock : taken) {
            EscalationSchedule.Decision decision = decisions.get(clock);
            if (!decision.due().isEmpty()) {
                TicketState ticket = tickets.get(new TicketId(clock.ticket()));
                if (ticket == null || ticket.status() == Status.SOLVED || ticket.status() == Status.CLOSED) {
                    // Solved (or gone) since the clock was kept: its recompute is on the way and stops the clock.
                    next.add(new Next(clock, now.plus(settings.retryAfter())));
                    continue;
                }
                for (EscalationRule rule : decision.due()) {
                    Optional<EscalationActions.Result> result = actions.fire(clock, rule, ticket, now);
                    if (result.isPresent()) {
                        fired++;
                        if (result.get().changed()) {
                            // the next rule (of this clock or another of the ticket) acts on the ticket as it is now
                            TicketId id = new TicketId(clock.ticket());
                            ticket = this.tickets.states(List.of(id)).get(id);
                            tickets.put(id, ticket);
                        }
                    }
                    plan.fired(clock, rule);
                }
            }
            next.add(new Next(clock, decision.next()));
        }
        setNext(next);
        return new Scan(taken.size(), fired, 0);
    }

    /**
     * Takes up to {@code limit} running clocks due at {@code now}, earliest first, locked for this transaction and
     * skipped when another transaction holds them; {@code only} restricts it to that clock.
     */
    private List<EscalationSchedule.Running> due(Instant now, int limit, EscalationSchedule.Running only) {
        String sql = "select " + EscalationSchedule.Running.COLUMNS
                + " from sla_clock where state = 'RUNNING' and next_check_at <= :now"
                + (only == null ? "" : " and ticket_id = :ticket and target = :target")
                + " order by next_check_at limit " + limit + " for update skip locked";
        JdbcClient.StatementSpec statement = jdbc.sql(sql).param("now", utc(now));
        if (only != null) {
            statement = statement.param("ticket", only.ticket()).param("target", only.target().name());
        }
        long started = System.nanoTime();
        List<EscalationSchedule.Running> due = statement.query(EscalationSchedule.Running::read).list();
        if (selects != null) {
            selects.record(Duration.ofNanos(System.nanoTime() - started));
        }
        return due;
    }

    private record Next(EscalationSchedule.Running clock, Instant at) {
    }

    private void setNext(List<Next> next) {
        batches.batchUpdate("update sla_clock set next_check_at = ? where ticket_id = ? and target = ?",
                next.stream().map(one -> new Object[] {utc(one.at()), one.clock().ticket(),
                        one.clock().target().name()}).toList(),
                new int[] {Types.TIMESTAMP_WITH_TIMEZONE, Types.BIGINT, Types.VARCHAR});
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
