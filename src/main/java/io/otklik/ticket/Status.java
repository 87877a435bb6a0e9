package io.otklik.ticket;

import java.util.EnumSet;
import java.util.Set;

/** Where a ticket stands in its lifecycle: new → open → pending / on hold → solved → closed. */
public enum Status {
    /** Arrived, nobody has taken it up yet. */
    NEW,
    /** Being worked on by support. */
    OPEN,
    /** Waiting for the customer. */
    PENDING,
    /** Waiting for a third party (another department, a vendor). */
    ON_HOLD,
    /** Support considers it solved; the customer may still reply. */
    SOLVED,
    /** Finished for good; a new message starts a new ticket. */
    CLOSED;

    /** Statuses in which the ticket still needs work from support or the customer. */
    public static final Set<Status> UNSOLVED = EnumSet.of(NEW, OPEN, PENDING, ON_HOLD);

    public boolean canMoveTo(Status target) {
        return switch (this) {
            case NEW -> target != NEW && target != CLOSED;
            case OPEN, PENDING, ON_HOLD -> target != NEW && target != CLOSED;
            case SOLVED -> target == OPEN || target == PENDING || target == ON_HOLD || target == CLOSED;
            case CLOSED -> false;
        };
    }
}
