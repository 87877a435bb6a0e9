package io.otklik.sla;

import java.time.Instant;

import io.otklik.ticket.Priority;
import io.otklik.ticket.TicketId;

/** The time by which we promise the customer a first answer, counted in business time from the ticket's arrival. */
public interface PromisedAnswers {

    /**
     * The first answer's due time for a ticket: its first response clock's, by the policy that applies to it.
     *
     * @throws io.otklik.shared.NotFoundException when there is no such ticket
     */
    Instant firstAnswerBy(TicketId ticket);

    /**
     * The first answer's due time for a ticket of {@code priority} arriving at {@code arrival}: the default policy's
     * first response target in business time on its calendar, but no later than its cap after arrival.
     */
    Instant firstAnswerBy(Priority priority, Instant arrival);
}
