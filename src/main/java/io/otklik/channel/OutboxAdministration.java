package io.otklik.channel;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import io.otklik.ticket.Delivery;
import io.otklik.ticket.MessageDeliveries;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What supervisors see of the outbox and may do with it: the latest sends with their state, and retrying one. */
@Service
public class OutboxAdministration {

    private final OutboxEntries entries;
    private final OutboxDispatcher dispatcher;
    private final MessageDeliveries deliveries;
    private final Clock clock;

    OutboxAdministration(OutboxEntries entries, OutboxDispatcher dispatcher, MessageDeliveries deliveries,
            Clock clock) {
        this.entries = entries;
        this.dispatcher = dispatcher;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    /** The newest sends, of one state ({@code null}: all), newest first. */
    @PreAuthorize("hasRole('SUPERVISOR')")
    @Transactional(readOnly = true)
    public List<OutboxEntryView> latest(DeliveryState state, int limit) {
        return entries.latest(state, Math.max(1, Math.min(limit, 500)));
    }

    /** How many sends are in each state. */
    @PreAuthorize("hasRole('SUPERVISOR')")
    @Transactional(readOnly = true)
    public Map<DeliveryState, Long> counts() {
        return entries.counts();
    }

    /**
     * Queues a failed send again, to go at once, with its tries counted afresh. Returns false when the send had not
     * failed (it went meanwhile, or someone retried it already).
     */
    @PreAuthorize("hasRole('SUPERVISOR')")
    @Transactional
    public boolean retry(long id) {
        if (!entries.retry(id, clock.instant())) {
            return false;
        }
        entries.ticketMessageOf(id).ifPresent(message -> deliveries.record(message, Delivery.PENDING, null));
        dispatcher.sendAfterCommit(id);
        return true;
    }
}
