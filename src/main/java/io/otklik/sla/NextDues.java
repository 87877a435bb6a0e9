package io.otklik.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.function.Function;

import io.otklik.ticket.NextDue;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * A ticket's next due time as queues show it ({@link NextDue}): the running clock due soonest, nearly due once less
 * than a fifth of its target or half an hour is left (a fifth counted in business time on its calendar, so a night
 * or a weekend before the due time counts for nothing), and whether it had missed its target when computed. The same
 * for one running clock, for its badge on the ticket page.
 */
@Component
public class NextDues {

    /** Nearly due at the latest this long before the due time. */
    static final Duration NEAR = Duration.ofMinutes(30);
    /** Nearly due once less than this share (in percent) of the target is left. */
    static final int NEAR_PERCENT = 20;

    private final Function<BusinessCalendarId, BusinessTime> calendars;

    @Autowired
    NextDues(BusinessCalendars calendars) {
        this(calendars::time);
    }

    NextDues(Function<BusinessCalendarId, BusinessTime> calendars) {
        this.calendars = calendars;
    }

    /** The next due time of a ticket's clocks, empty when none runs. */
    public Optional<NextDue> of(TicketSla sla, Instant now) {
        return sla.clocks().stream().filter(c -> c.state() == ClockState.RUNNING && c.due() != null)
                .min(Comparator.comparing(SlaClock::due).thenComparing(SlaClock::target))
                .flatMap(clock -> of(clock, now));
    }

    /** A running clock's due time as a badge counts it down; empty for a clock that does not run. */
    public Optional<NextDue> of(SlaClock clock, Instant now) {
        if (clock.state() != ClockState.RUNNING || clock.due() == null) {
            return Optional.empty();
        }
        return Optional.of(new NextDue(clock.due(), nearFrom(clock), clock.breachedAt(now)));
    }

    /** When the clock becomes nearly due; never after its due time. */
    Instant nearFrom(SlaClock clock) {
        Instant byTime = clock.due().minus(NEAR);
        if (clock.runningSince() == null || clock.allowed() == null) {
            return byTime;
        }
        Duration untilNear = clock.allowed().multipliedBy(100 - NEAR_PERCENT).dividedBy(100).minus(clock.used());
        if (untilNear.isNegative() || untilNear.isZero()) {
            return clock.runningSince().isBefore(byTime) ? clock.runningSince() : byTime;
        }
        Instant byShare = calendars.apply(clock.calendar()).plus(clock.runningSince(), untilNear);
        return byShare.isBefore(byTime) ? byShare : byTime;
    }
}
