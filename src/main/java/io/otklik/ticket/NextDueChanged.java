package io.otklik.ticket;

import java.time.Instant;
import java.util.List;

/** The next service-level due time of these tickets changed (their clocks were recomputed); see {@link TicketDueTimes}. */
public record NextDueChanged(List<TicketId> tickets, Instant at) {

    public NextDueChanged {
        tickets = List.copyOf(tickets);
    }
}
