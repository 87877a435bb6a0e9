package io.otklik.sla;

import java.util.List;
import java.util.Optional;

import io.otklik.ticket.TicketId;

/**
 * A ticket's service levels: its clocks (one per target its policy sets, in {@link ClockTarget} order; none for a
 * target that never started) and its timeline, oldest first.
 */
public record TicketSla(TicketId ticket, List<SlaClock> clocks, List<TimelineEntry> timeline) {

    public TicketSla {
        clocks = List.copyOf(clocks);
        timeline = List.copyOf(timeline);
    }

    public Optional<SlaClock> clock(ClockTarget target) {
        return clocks.stream().filter(c -> c.target() == target).findFirst();
    }
}
