package io.otklik.sla;

import java.time.Instant;

import io.otklik.ticket.Priority;
import io.otklik.ticket.TicketId;

/** The time by which we promise the customer a first answer, counted in business time from the ticket's arrival. */
public interface PromisedAnswers {

    /**
     * The first answer's due time for a ticket, from its arrival and current priority.
     *
     * @throws io.otklik.shared.NotFoundException when there is no such ticket
     */
    Instant firstAnswerBy(TicketId ticket);

    /**
     * The first answer's due time for a ticket of {@code priority} arriving at {@code arrival}: the priority's first
     * response target in business time on the default calendar, but no later than 24 hours after arrival.
     */
    Instant firstAnswerBy(Priority priority, Instant arrival);
}
