package io.otklik.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import io.otklik.ticket.NextDue;
import io.otklik.ticket.Status;
import io.otklik.ticket.TicketId;

import org.junit.jupiter.api.Test;

/**
 * What queues and the portal read from a ticket's clocks: the next due time with the moment it turns "near", the
 * customer's promise, and whether a recompute moved that promise enough to tell the customer.
 */
class NextDuesTests {

    static final BusinessCalendarId ALL_DAY = new BusinessCalendarId(1);
    static final BusinessCalendarId OFFICE = new BusinessCalendarId(2);
    static final NextDues DUES = new NextDues(Map.of(
            ALL_DAY, new BusinessTime(BusinessCalendar.allDay(ZoneId.of("Europe/Moscow"))),
            OFFICE, new BusinessTime(BusinessCalendar.of(ZoneId.of("Europe/Moscow"),
                    WeeklyHours.parse("Mon-Fri 09:00-18:00"))))::get);
    // Monday 23 November 2026, 10:00 in Moscow
    static final Instant MONDAY_10 = Instant.parse("2026-11-23T07:00:00Z");
    static final TicketId TICKET = new TicketId(1042);

    @Test
    void theNextDueTimeIsTheRunningClockDueSoonest() {
        TicketSla sla = sla(running(ClockTarget.RESOLUTION, ALL_DAY, MONDAY_10, Duration.ofHours(8), Duration.ZERO),
                running(ClockTarget.FIRST_RESPONSE, ALL_DAY, MONDAY_10, Duration.ofHours(1), Duration.ZERO),
                stopped(ClockTarget.PERIODIC_UPDATE, MONDAY_10.minusSeconds(60)));

        NextDue due = DUES.of(sla, MONDAY_10).orElseThrow();

        assertThat(due.at()).isEqualTo(MONDAY_10.plus(Duration.ofHours(1)));
        assertThat(due.breached()).isFalse();
        assertThat(due.standingAt(MONDAY_10)).isEqualTo(NextDue.Standing.OK);
        assertThat(DUES.of(sla(stopped(ClockTarget.FIRST_RESPONSE, MONDAY_10)), MONDAY_10)).isEmpty();
    }

    @Test
    void nearOnceAFifthOfTheTargetOrHalfAnHourIsLeft() {
        // 8 h round the clock: near after 6 h 24 min (a fifth left), long before the last half hour
        NextDue eightHours = DUES.of(sla(running(ClockTarget.FIRST_RESPONSE, ALL_DAY, MONDAY_10, Duration.ofHours(8),
                Duration.ZERO)), MONDAY_10).orElseThrow();
        assertThat(eightHours.nearFrom()).isEqualTo(MONDAY_10.plus(Duration.ofMinutes(384)));
        // 1 h: a fifth (12 min) is less than half an hour, so near from 30 min before
        NextDue oneHour = DUES.of(sla(running(ClockTarget.FIRST_RESPONSE, ALL_DAY, MONDAY_10, Duration.ofHours(1),
                Duration.ZERO)), MONDAY_10).orElseThrow();
        assertThat(oneHour.nearFrom()).isEqualTo(MONDAY_10.plus(Duration.ofMinutes(30)));
        assertThat(oneHour.standingAt(MONDAY_10.plus(Duration.ofMinutes(29)))).isEqualTo(NextDue.Standing.OK);
        assertThat(oneHour.standingAt(MONDAY_10.plus(Duration.ofMinutes(30)))).isEqualTo(NextDue.Standing.NEAR);
        assertThat(oneHour.standingAt(MONDAY_10.plus(Duration.ofMinutes(60)))).isEqualTo(NextDue.Standing.OVERDUE);
    }

    @Test
    void theFifthIsCountedInBusinessTimeOnTheClocksCalendar() {
        // Friday 27 November 17:00, 4 h in office hours: due Monday 12:00; a fifth (48 min) is left from 11:12
        Instant friday17 = Instant.parse("2026-11-27T14:00:00Z");
        NextDue due = DUES.of(sla(running(ClockTarget.FIRST_RESPONSE, OFFICE, friday17, Duration.ofHours(4),
                Duration.ZERO)), friday17).orElseThrow();
        assertThat(due.at()).isEqualTo(Instant.parse("2026-11-30T09:00:00Z"));
        assertThat(due.nearFrom()).isEqualTo(Instant.parse("2026-11-30T08:12:00Z"));
        // paused before with 3 h 30 min used: already near when it runs again
        NextDue late = DUES.of(sla(running(ClockTarget.NEXT_RESPONSE, OFFICE, MONDAY_10, Duration.ofHours(4),
                Duration.ofMinutes(210))), MONDAY_10).orElseThrow();
        assertThat(late.at()).isEqualTo(MONDAY_10.plus(Duration.ofMinutes(30)));
        assertThat(late.standingAt(MONDAY_10)).isEqualTo(NextDue.Standing.NEAR);
    }

    @Test
    void aClockPastItsDueTimeIsOverdueAndBreached() {
        NextDue due = DUES.of(sla(running(ClockTarget.FIRST_RESPONSE, ALL_DAY, MONDAY_10, Duration.ofMinutes(30),
                Duration.ZERO)), MONDAY_10.plus(Duration.ofHours(1))).orElseThrow();
        assertThat(due.breached()).isTrue();
        assertThat(due.standingAt(MONDAY_10)).isEqualTo(NextDue.Standing.OVERDUE);
    }

    @Test
    void theCustomerIsPromisedTheRunningResponseClocksDueTimeOrToldWeWaitForThem() {
        SlaClock answer = running(ClockTarget.FIRST_RESPONSE, ALL_DAY, MONDAY_10, Duration.ofHours(1), Duration.ZERO);
        SlaClock resolution = running(ClockTarget.RESOLUTION, ALL_DAY, MONDAY_10, Duration.ofHours(4), Duration.ZERO);

        assertThat(CustomerPromise.of(sla(answer, resolution), Status.OPEN))
                .isEqualTo(new CustomerPromise(CustomerPromise.Kind.ANSWER_BY, answer.due()));
        assertThat(CustomerPromise.of(sla(paused(ClockTarget.FIRST_RESPONSE), paused(ClockTarget.RESOLUTION)),
                Status.PENDING).kind()).isEqualTo(CustomerPromise.Kind.WAITING_FOR_CUSTOMER);
        // Answered; only resolution runs: nothing to promise, nothing we wait for
        assertThat(CustomerPromise.of(sla(stopped(ClockTarget.FIRST_RESPONSE, MONDAY_10), resolution), Status.OPEN)
                .kind()).isEqualTo(CustomerPromise.Kind.NONE);
        assertThat(CustomerPromise.of(sla(paused(ClockTarget.RESOLUTION)), Status.ON_HOLD).kind())
                .isEqualTo(CustomerPromise.Kind.NONE);
    }

    @Test
    void aPromiseMovesWhenTheSameQuestionsDueTimeMovesByMoreThanAFewMinutes() {
        SlaClock low = running(ClockTarget.FIRST_RESPONSE, ALL_DAY, MONDAY_10, Duration.ofHours(8), Duration.ZERO);
        SlaClock critical = running(ClockTarget.FIRST_RESPONSE, ALL_DAY, MONDAY_10, Duration.ofMinutes(30),
                Duration.ZERO);
        SlaClock slightlyLonger = running(ClockTarget.FIRST_RESPONSE, ALL_DAY, MONDAY_10,
                Duration.ofHours(8).plusMinutes(PromisedTimeChanged.THRESHOLD_MINUTES), Duration.ZERO);
        SlaClock nextQuestion = running(ClockTarget.NEXT_RESPONSE, ALL_DAY, MONDAY_10.plusSeconds(600),
                Duration.ofMinutes(30), Duration.ZERO);

        assertThat(ClockRecompute.movedPromise(sla(low), sla(critical)))
                .hasValueSatisfying(move -> {
                    assertThat(move.before()).isEqualTo(low.due());
                    assertThat(move.after()).isEqualTo(critical.due());
                });
        assertThat(ClockRecompute.movedPromise(sla(low), sla(slightlyLonger))).isEmpty();
        assertThat(ClockRecompute.movedPromise(sla(stopped(ClockTarget.FIRST_RESPONSE, MONDAY_10)),
                sla(nextQuestion))).isEmpty();
        assertThat(ClockRecompute.movedPromise(sla(low), sla(stopped(ClockTarget.FIRST_RESPONSE, MONDAY_10))))
                .isEmpty();
        assertThat(ClockRecompute.movedPromise(sla(paused(ClockTarget.FIRST_RESPONSE)), sla(low))).isEmpty();
    }

    static TicketSla sla(SlaClock... clocks) {
        return new TicketSla(TICKET, List.of(clocks), List.of());
    }

    static SlaClock running(ClockTarget target, BusinessCalendarId calendar, Instant since, Duration allowed,
            Duration used) {
        BusinessTime time = calendar.equals(ALL_DAY)
                ? new BusinessTime(BusinessCalendar.allDay(ZoneId.of("Europe/Moscow")))
                : new BusinessTime(BusinessCalendar.of(ZoneId.of("Europe/Moscow"),
                        WeeklyHours.parse("Mon-Fri 09:00-18:00")));
        return new SlaClock(target, ClockState.RUNNING, new SlaPolicyId(1), "Тест", calendar, allowed, used,
                since.minus(used), since, time.plus(since, allowed.minus(used)), null, null, false, 1, 0);
    }

    static SlaClock paused(ClockTarget target) {
        return new SlaClock(target, ClockState.PAUSED, new SlaPolicyId(1), "Тест", ALL_DAY, Duration.ofHours(1),
                Duration.ofMinutes(10), MONDAY_10, null, null, null, null, false, 1, 0);
    }

    static SlaClock stopped(ClockTarget target, Instant at) {
        return new SlaClock(target, ClockState.STOPPED, new SlaPolicyId(1), "Тест", ALL_DAY, Duration.ofHours(1),
                Duration.ofMinutes(10), at.minusSeconds(600), null, at.plusSeconds(3000), at, Duration.ofMinutes(10),
                false, 1, 0);
    }
}
