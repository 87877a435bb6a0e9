package io.otklik.sla;

import java.time.Instant;

import io.otklik.ticket.TicketId;

/**
 * The time by which we promised the customer an answer moved by more than a few minutes ({@link #THRESHOLD_MINUTES})
 * while the same response clock kept running: the priority was raised, or the policy or the calendar it is counted on
 * changed. {@code before} and {@code after} are the due times of that clock; {@code at} is when its clocks were
 * recomputed. A new question of the customer starting a new clock is no change of a promise.
 */
public record PromisedTimeChanged(TicketId ticket, Instant before, Instant after, Instant at) {

    /** Moves up to this many minutes are not worth a mail (rounding, a recompute a moment later). */
    public static final int THRESHOLD_MINUTES = 5;
}
