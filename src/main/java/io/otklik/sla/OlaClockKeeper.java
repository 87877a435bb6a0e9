package io.otklik.sla;

import java.util.List;

import io.otklik.ticket.Actor;
import io.otklik.ticket.MessageAdded;
import io.otklik.ticket.MessageKind;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps tickets' rounds of internal targets up to date where the service-level clocks' recompute (which keeps them
 * too) would not run: an agent's internal note (a response for a team's target), a changed target (all unsolved
 * tickets), a changed calendar that only internal targets count in. Each recompute replaces what was kept, so
 * running one twice is harmless.
 */
@Component
class OlaClockKeeper {

    private static final Logger log = LoggerFactory.getLogger(OlaClockKeeper.class);

    private final ClockRecompute recompute;
    private final SlaClockQueue queue;
    private final OlaClocks clocks;
    private final OlaTargetRows targets;
    private final SlaPolicies policies;

    OlaClockKeeper(ClockRecompute recompute, SlaClockQueue queue, OlaClocks clocks, OlaTargetRows targets,
            SlaPolicies policies) {
        this.recompute = recompute;
        this.queue = queue;
        this.clocks = clocks;
        this.targets = targets;
        this.policies = policies;
    }

    /** Noted in the note's own transaction and computed with the clocks (ADR 21). */
    @EventListener
    void on(MessageAdded event) {
        if (event.kind() == MessageKind.INTERNAL_NOTE && event.author() == Actor.Type.AGENT && clocks.anyEnabled()) {
            queue.add(List.of(event.ticket()));
        }
    }

    @ApplicationModuleListener
    void on(OlaTargetChanged event) {
        recomputeUnsolved("internal target " + event.id());
    }

    /** A calendar some policy counts in is taken care of with the service-level clocks. */
    @ApplicationModuleListener
    void on(CalendarChanged event) {
        boolean olaOnly = targets.all().stream().anyMatch(target -> target.calendar().equals(event.calendar()))
                && policies.all().stream().noneMatch(policy -> policy.calendar().equals(event.calendar()));
        if (olaOnly) {
            recomputeUnsolved("calendar " + event.id());
        }
    }

    private void recomputeUnsolved(String changed) {
        long started = System.nanoTime();
        int tickets = recompute.recomputeUnsolved();
        log.info("Clocks and internal targets of {} unsolved tickets recomputed in {} ms after a change of {}",
                tickets, (System.nanoTime() - started) / 1_000_000, changed);
    }
}
