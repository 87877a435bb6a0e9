package io.otklik.sla;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.otklik.ticket.TicketId;
import io.otklik.ticket.TicketTrail;
import io.otklik.ticket.TicketTrails;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Computes tickets' clocks from their trails with the policies and calendars as they are now, and keeps the result
 * ({@link ClockRows}): the same trail gives the same rows, so running it twice is harmless.
 */
@Component
class ClockRecompute {

    /** Tickets per transaction when all unsolved tickets are recomputed. */
    static final int BATCH = 200;

    private final TicketTrails trails;
    private final ClockRows rows;
    private final ClockCalculator calculator;
    private final Clock clock;
    private final TransactionTemplate eachBatch;

    ClockRecompute(TicketTrails trails, ClockRows rows, SlaPolicies policies, BusinessCalendars calendars,
            Clock clock, PlatformTransactionManager transactions) {
        this.trails = trails;
        this.rows = rows;
        this.calculator = new ClockCalculator(policies::applicableTo, calendars::time);
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
