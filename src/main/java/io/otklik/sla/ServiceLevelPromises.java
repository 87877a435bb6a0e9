package io.otklik.sla;

import java.time.Instant;

import io.otklik.ticket.Priority;
import io.otklik.ticket.TicketArrival;
import io.otklik.ticket.TicketId;
import io.otklik.ticket.TicketQueries;

import org.springframework.stereotype.Service;

/** Promises first answers by the standard targets on the standard business calendar. */
@Service
class ServiceLevelPromises implements PromisedAnswers {

    private final TicketQueries tickets;
    private final DueDates dueDates;

    ServiceLevelPromises(TicketQueries tickets, BusinessCalendars calendars) {
        this.tickets = tickets;
        this.dueDates = new DueDates(calendars.standardTime(), ServiceTargets.STANDARD);
    }

    @Override
    public Instant firstAnswerBy(TicketId ticket) {
        TicketArrival arrival = tickets.arrival(ticket);
        return firstAnswerBy(arrival.priority(), arrival.arrivedAt());
    }

    @Override
    public Instant firstAnswerBy(Priority priority, Instant arrival) {
        return dueDates.firstResponse(priority, arrival);
    }
}
