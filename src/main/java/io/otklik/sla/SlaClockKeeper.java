package io.otklik.sla;

import java.util.List;
import java.util.Set;

import io.otklik.ticket.MessageAdded;
import io.otklik.ticket.MessageKind;
import io.otklik.ticket.MessageMoved;
import io.otklik.ticket.TicketChanged;
import io.otklik.ticket.TicketOpened;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps every ticket's service-level clocks computed from its trail: a ticket's are recomputed when it is opened,
 * when a field the clocks depend on changes, when a public message is added, or a message moved; all unsolved
 * tickets' when a calendar or a policy changes. Each recompute replaces what was kept, so running one twice is
 * harmless.
 *
 * <p>Ticket events are heard in the transaction that changed the ticket and only note the ticket
 * ({@link SlaClockQueue}); the clocks are computed after its commit, in batches. Nothing is lost when the node stops
 * in between: the note committed with the change.
 */
@Component
class SlaClockKeeper {

    /**
     * Fields whose change can start, pause, stop or re-target a clock (requester: another organization, segments;
     * segments: the requester's changed).
     */
    static final Set<String> FIELDS = Set.of("status", "priority", "category", "team", "requester",
            TicketChanged.SEGMENTS);

    private static final Logger log = LoggerFactory.getLogger(SlaClockKeeper.class);

    private final ClockRecompute recompute;
    private final SlaClockQueue queue;
    private final SlaPolicies policies;

    SlaClockKeeper(ClockRecompute recompute, SlaClockQueue queue, SlaPolicies policies) {
        this.recompute = recompute;
        this.queue = queue;
        this.policies = policies;
    }

    @EventListener
    void on(TicketOpened event) {
        queue.add(List.of(event.ticket()));
    }

    @EventListener
    void on(TicketChanged event) {
        if (event.fields().stream().anyMatch(FIELDS::contains)) {
            queue.add(List.of(event.ticket()));
        }
    }

    @EventListener
    void on(MessageAdded event) {
        if (event.kind() == MessageKind.PUBLIC_REPLY) {
            queue.add(List.of(event.ticket()));
        }
    }

    @EventListener
    void on(MessageMoved event) {
        queue.add(List.of(event.from(), event.to()));
    }

    /** Only a calendar some policy counts on can move a ticket's clocks (a new or an unused one cannot). */
    @ApplicationModuleListener
    void on(CalendarChanged event) {
        if (policies.all().stream().anyMatch(policy -> policy.calendar().equals(event.calendar()))) {
            recomputeUnsolved("calendar " + event.id());
        }
    }

    @ApplicationModuleListener
    void on(SlaPolicyChanged event) {
        recomputeUnsolved("policy " + event.id());
    }

    private void recomputeUnsolved(String changed) {
        long started = System.nanoTime();
        int tickets = recompute.recomputeUnsolved();
        log.info("Service-level clocks of {} unsolved tickets recomputed in {} ms after a change of {}", tickets,
                (System.nanoTime() - started) / 1_000_000, changed);
    }
}
