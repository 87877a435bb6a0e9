package io.otklik.sla;

import io.otklik.ticket.TicketId;
import io.otklik.ticket.TicketTrails;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A ticket's service-level clocks and timeline, for other modules and the ticket page. Not limited by who asks (it
 * shows nothing of the ticket's content): callers showing it to a person check that they may see the ticket.
 */
@Service
public class TicketClocks {

    private final ClockRows rows;
    private final ClockRecompute recompute;
    private final TicketTrails trails;

    TicketClocks(ClockRows rows, ClockRecompute recompute, TicketTrails trails) {
        this.rows = rows;
        this.recompute = recompute;
        this.trails = trails;
    }

    /**
     * The clocks as last kept; computed from the ticket's trail when none are kept yet (a ticket opened a moment
     * ago, or before clocks were kept).
     *
     * @throws io.otklik.shared.NotFoundException when there is no such ticket
     */
    @Transactional(readOnly = true)
    public TicketSla of(TicketId ticket) {
        return rows.of(ticket).orElseGet(() -> computed(ticket));
    }

    /**
     * The clocks computed now from the ticket's trail with the policies and calendars as they are, not kept.
     *
     * @throws io.otklik.shared.NotFoundException when there is no such ticket
     */
    @Transactional(readOnly = true)
    public TicketSla computed(TicketId ticket) {
        return recompute.compute(trails.of(ticket)
                .orElseThrow(() -> new io.otklik.shared.NotFoundException("ticket.not-found", ticket.value())));
    }
}
