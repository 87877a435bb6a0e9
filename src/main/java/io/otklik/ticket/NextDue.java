package io.otklik.ticket;

import java.time.Instant;
import java.util.Objects;

/**
 * A ticket's next service-level due time, as the service levels last kept it: the earliest due time of its running
 * clocks ({@code at}), from when that clock counts as nearly due ({@code nearFrom}, not after {@code at}), and
 * whether it had already missed its target when computed. Whether it is overdue now follows from {@code at}.
 */
public record NextDue(Instant at, Instant nearFrom, boolean breached) {

    public NextDue {
        Objects.requireNonNull(at);
        nearFrom = nearFrom == null || nearFrom.isAfter(at) ? at : nearFrom;
    }

    /** How it stands at {@code now}. */
    public Standing standingAt(Instant now) {
        if (breached || !now.isBefore(at)) {
            return Standing.OVERDUE;
        }
        return now.isBefore(nearFrom) ? Standing.OK : Standing.NEAR;
    }

    /** How a due time stands: time enough, nearly due, past it. */
    public enum Standing {
        OK, NEAR, OVERDUE
    }
}
