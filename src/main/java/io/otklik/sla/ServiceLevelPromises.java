package io.otklik.sla;

import java.time.Instant;

import io.otklik.ticket.Priority;
import io.otklik.ticket.TicketArrival;
import io.otklik.ticket.TicketId;
import io.otklik.ticket.TicketQueries;

import org.springframework.stereotype.Service;

/** Promises first answers by the standard targets on the default business calendar, as it is at the moment. */
@Service
class ServiceLevelPromises implements PromisedAnswers {

    private final TicketQueries tickets;
    private final BusinessCalendars calendars;

    ServiceLevelPromises(TicketQueries tickets, BusinessCalendars calendars) {
        this.tickets = tickets;
        this.calendars = calendars;
    }

    @Override
    public Instant firstAnswerBy(TicketId ticket) {
        TicketArrival arrival = tickets.arrival(ticket);
        return firstAnswerBy(arrival.priority(), arrival.arrivedAt());
    }

    @Override
    public Instant firstAnswerBy(Priority priority, Instant arrival) {
        return new DueDates(calendars.standardTime(), ServiceTargets.STANDARD).firstResponse(priority, arrival);
    }
}
