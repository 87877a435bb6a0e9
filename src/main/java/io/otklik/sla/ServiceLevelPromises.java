package io.otklik.sla;

import java.time.Duration;
import java.time.Instant;

import io.otklik.ticket.Priority;
import io.otklik.ticket.TicketArrival;
import io.otklik.ticket.TicketId;
import io.otklik.ticket.TicketQueries;

import org.springframework.stereotype.Service;

/**
 * Promises first answers: a ticket's by the policy that applies to it, counted from its trail (pauses, reopens and
 * priority changes included); a ticket of a given priority arriving at a given time by the default policy.
 */
@Service
class ServiceLevelPromises implements PromisedAnswers {

    private final TicketClocks clocks;
    private final TicketQueries tickets;
    private final SlaPolicies policies;
    private final BusinessCalendars calendars;

    ServiceLevelPromises(TicketClocks clocks, TicketQueries tickets, SlaPolicies policies,
            BusinessCalendars calendars) {
        this.clocks = clocks;
        this.tickets = tickets;
        this.policies = policies;
        this.calendars = calendars;
    }

    /**
     * The first response clock's due time, computed now (listeners telling the customer may run before the clocks
     * are kept). A ticket whose policy sets no first response target, or whose clock stands paused, is promised an
     * answer by the default policy from its arrival.
     */
    @Override
    public Instant firstAnswerBy(TicketId ticket) {
        Instant due = clocks.computed(ticket).clock(ClockTarget.FIRST_RESPONSE).map(SlaClock::due).orElse(null);
        if (due != null) {
            return due;
        }
        TicketArrival arrival = tickets.arrival(ticket);
        return firstAnswerBy(arrival.priority(), arrival.arrivedAt());
    }

    @Override
    public Instant firstAnswerBy(Priority priority, Instant arrival) {
        SlaPolicy standard = policies.all().getLast();
        Duration target = standard.target(priority, ClockTarget.FIRST_RESPONSE);
        BusinessTime time = calendars.time(standard.calendar());
        if (target == null) {
            target = ServiceTargets.STANDARD.firstResponse(priority);
        }
        Instant due = time.plus(arrival, target);
        Duration cap = standard.firstResponseCap();
        return cap != null && arrival.plus(cap).isBefore(due) ? arrival.plus(cap) : due;
    }
}
