package io.otklik.ticket.rest;

import java.time.Instant;

import io.otklik.ticket.NextDue;

/**
 * A ticket's next service-level due time: the earliest due time of its running clocks, from when it counts as nearly
 * due, and whether it had missed its target when last computed (past {@code at} it is overdue in any case).
 */
record NextDueResponse(Instant at, Instant nearFrom, boolean breached) {

    static NextDueResponse of(NextDue due) {
        return due == null ? null : new NextDueResponse(due.at(), due.nearFrom(), due.breached());
    }
}
