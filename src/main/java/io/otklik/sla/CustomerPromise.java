package io.otklik.sla;

import java.time.Instant;
import java.util.Optional;

import io.otklik.ticket.Status;

/**
 * What we tell the customer about a ticket's service level: the time we will answer by (the due time of the running
 * first or next response clock), or that we wait for their answer (the ticket is pending and no response clock
 * runs), or nothing (answered, solved, or on hold for a third party).
 */
public record CustomerPromise(Kind kind, Instant answerBy) {

    /** Which of the three. */
    public enum Kind {
        ANSWER_BY, WAITING_FOR_CUSTOMER, NONE
    }

    /** The promise of a ticket with these clocks and this status. */
    public static CustomerPromise of(TicketSla sla, Status status) {
        Optional<Instant> due = answerBy(sla);
        if (due.isPresent()) {
            return new CustomerPromise(Kind.ANSWER_BY, due.get());
        }
        return new CustomerPromise(status == Status.PENDING ? Kind.WAITING_FOR_CUSTOMER : Kind.NONE, null);
    }

    /** The due time of the running response clock (first or next), if one runs. */
    static Optional<Instant> answerBy(TicketSla sla) {
        return responseClock(sla).map(SlaClock::due);
    }

    /** The running response clock the customer waits on, if one runs. */
    static Optional<SlaClock> responseClock(TicketSla sla) {
        return sla.clocks().stream()
                .filter(c -> c.state() == ClockState.RUNNING && c.due() != null)
                .filter(c -> c.target() == ClockTarget.FIRST_RESPONSE || c.target() == ClockTarget.NEXT_RESPONSE)
                .findFirst();
    }
}
