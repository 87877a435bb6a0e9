package io.otklik.sla;

import java.time.Instant;

import io.otklik.ticket.TicketId;

/** The time by which we promise the customer a first answer, counted in business time from the ticket's arrival. */
public interface PromisedAnswers {

    Instant firstAnswerBy(TicketId ticket);
}
