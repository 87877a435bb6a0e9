package io.otklik.sla;

import java.time.Instant;
import java.util.Objects;

import io.otklik.ticket.Priority;

/** When answers and solutions fall due for a ticket that arrived at a given time, by its priority. */
public final class DueDates {

    private final BusinessTime time;
    private final ServiceTargets targets;

    public DueDates(BusinessTime time, ServiceTargets targets) {
        this.time = Objects.requireNonNull(time, "time");
        this.targets = Objects.requireNonNull(targets, "targets");
    }

    /**
     * The first response target counted in business time from arrival, but never later than the cap after arrival
     * in calendar time (a ticket arriving before a long holiday is still answered within a day).
     */
    public Instant firstResponse(Priority priority, Instant arrival) {
        Instant inBusinessTime = time.plus(arrival, targets.firstResponse(priority));
        Instant cap = arrival.plus(targets.firstResponseCap());
        return inBusinessTime.isAfter(cap) ? cap : inBusinessTime;
    }

    /** The resolution target counted in business time from arrival. */
    public Instant resolution(Priority priority, Instant arrival) {
        return time.plus(arrival, targets.resolution(priority));
    }

    public BusinessTime businessTime() {
        return time;
    }

    public ServiceTargets targets() {
        return targets;
    }
}
