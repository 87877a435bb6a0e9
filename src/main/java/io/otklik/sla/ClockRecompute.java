package io.otklik.sla;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.otklik.ticket.NextDue;
import io.otklik.ticket.TicketDueTimes;
import io.otklik.ticket.TicketId;
import io.otklik.ticket.TicketTrail;
import io.otklik.ticket.TicketTrails;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Computes tickets' clocks from their trails with the policies and calendars as they are now, and keeps the result
 * ({@link ClockRows}): the same trail gives the same rows, so running it twice is harmless. In the same transaction it
 * keeps each ticket's next due time on the ticket ({@link TicketDueTimes}, for queues) and tells when the time we
 * promised the customer to answer by moved ({@link PromisedTimeChanged}).
 */
@Component
class ClockRecompute {

    /** Tickets per transaction when all unsolved tickets are recomputed. */
    static final int BATCH = 200;

    private final TicketTrails trails;
    private final ClockRows rows;
    private final OlaClocks ola;
    private final ClockCalculator calculator;
    private final NextDues nextDues;
    private final TicketDueTimes dueTimes;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate eachBatch;

    ClockRecompute(TicketTrails trails, ClockRows rows, OlaClocks ola, SlaPolicies policies,
            BusinessCalendars calendars, NextDues nextDues, TicketDueTimes dueTimes, ApplicationEventPublisher events,
            Clock clock, PlatformTransactionManager transactions) {
        this.trails = trails;
        this.rows = rows;
        this.ola = ola;
        this.calculator = new ClockCalculator(policies::applicableTo, calendars::time);
        this.nextDues = nextDues;
        this.dueTimes = dueTimes;
        this.events = events;
        this.clock = clock;
        this.eachBatch = new TransactionTemplate(transactions);
        this.eachBatch.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The clocks of a trail as of now, not kept. */
    TicketSla compute(TicketTrail trail) {
        return calculator.compute(trail, clock.instant());
    }

    /**
     * Recomputes and keeps the clocks of these tickets (which must exist). The tickets are locked first and their
     * trails read after, so a recompute that waited for another one reads what that one saw or newer.
     */
    @Transactional
    public void recompute(Collection<TicketId> tickets) {
        if (tickets.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        List<Long> ids = tickets.stream().map(TicketId::value).distinct().toList();
        Set<Long> fresh = rows.lock(ids, now);
        Map<TicketId, TicketTrail> found = trails.of(tickets);
        List<TicketSla> computed = new ArrayList<>(found.size());
        for (TicketTrail trail : found.values()) {
            computed.add(ClockRows.asKept(calculator.compute(trail, now), now));
        }
        Map<TicketId, TicketSla> kept = fresh.size() == ids.size() ? Map.of()
                : rows.kept(ids.stream().filter(id -> !fresh.contains(id)).toList());
        rows.write(computed, kept, now);
        ola.keep(found.values(), now); // internal targets (OLA) from the same trails, under the same lock
        Map<TicketId, NextDue> dues = new HashMap<>();
        for (TicketSla sla : computed) {
            dues.put(sla.ticket(), nextDues.of(sla, now).orElse(null));
        }
        dueTimes.record(dues);
        for (TicketSla sla : computed) {
            TicketSla before = kept.get(sla.ticket());
            if (before != null) {
                movedPromise(before, sla).ifPresent(moved -> events.publishEvent(new PromisedTimeChanged(
                        sla.ticket(), moved.before, moved.after, now)));
            }
        }
    }

    /** A promised time that moved: the response clock's due time before and after. */
    record Move(Instant before, Instant after) {
    }

    /**
     * The customer's promised time, if it moved by more than the threshold: the same response clock (target and
     * start: the same question) still running, due at another time. A first computation, a new question or an
     * answer is no move.
     */
    static Optional<Move> movedPromise(TicketSla before, TicketSla after) {
        Optional<SlaClock> was = CustomerPromise.responseClock(before);
        Optional<SlaClock> now = CustomerPromise.responseClock(after);
        if (was.isEmpty() || now.isEmpty() || was.get().target() != now.get().target()
                || !was.get().startedAt().equals(now.get().startedAt())) {
            return Optional.empty();
        }
        Duration moved = Duration.between(was.get().due(), now.get().due()).abs();
        return moved.compareTo(Duration.ofMinutes(PromisedTimeChanged.THRESHOLD_MINUTES)) > 0
                ? Optional.of(new Move(was.get().due(), now.get().due())) : Optional.empty();
    }

    /** Recomputes every unsolved ticket, {@link #BATCH} at a time, each batch in its own transaction. */
    int recomputeUnsolved() {
        int done = 0;
        TicketId after = null;
        while (true) {
            List<TicketId> page = trails.unsolvedAfter(after, BATCH);
            if (page.isEmpty()) {
                return done;
            }
            eachBatch.executeWithoutResult(status -> recompute(page));
            done += page.size();
            after = page.getLast();
        }
    }
}
