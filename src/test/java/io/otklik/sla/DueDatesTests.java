package io.otklik.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;

import io.otklik.ticket.Priority;

import org.junit.jupiter.api.Test;

/** First answers and solutions fall due by priority in business time; a first answer never waits past a day. */
class DueDatesTests {

    static final DueDates DUE = new DueDates(new BusinessTime(BusinessCalendar.of(ZoneId.of("Europe/Moscow"),
            WeeklyHours.parse("Mon-Fri 09:00-18:00"), HolidayCalendar.parse("test", """
                    off 2026-12-31
                    off 2027-01-01..2027-01-08
                    """))), ServiceTargets.STANDARD);

    @Test
    void givesEachPriorityItsFirstResponseTarget() {
        Instant mondayTen = Instant.parse("2026-11-23T07:00:00Z"); // Monday 10:00 MSK
        assertThat(DUE.firstResponse(Priority.CRITICAL, mondayTen)).isEqualTo("2026-11-23T07:30:00Z"); // 10:30
        assertThat(DUE.firstResponse(Priority.HIGH, mondayTen)).isEqualTo("2026-11-23T08:00:00Z"); // 11:00
        assertThat(DUE.firstResponse(Priority.MEDIUM, mondayTen)).isEqualTo("2026-11-23T11:00:00Z"); // 14:00
        // 8 h: 10:00–18:00 Monday
        assertThat(DUE.firstResponse(Priority.LOW, mondayTen)).isEqualTo("2026-11-23T15:00:00Z"); // 18:00
    }

    @Test
    void countsFromTheNextOpeningWhenArrivingAtNight() {
        // Thursday 26 Nov 17:45 MSK, critical: 15 min Thursday, 15 min from Friday 09:00 → 09:15 MSK = 06:15Z
        assertThat(DUE.firstResponse(Priority.CRITICAL, Instant.parse("2026-11-26T14:45:00Z")))
                .isEqualTo("2026-11-27T06:15:00Z");
        // Friday 27 Nov 17:45 MSK, high: 15 min Friday, 45 min from Monday 09:00 → Monday 09:45 would be past the
        // 24 h cap, so Saturday 17:45 MSK = 14:45Z
        assertThat(DUE.firstResponse(Priority.HIGH, Instant.parse("2026-11-27T14:45:00Z")))
                .isEqualTo("2026-11-28T14:45:00Z");
    }

    @Test
    void neverPromisesAFirstAnswerLaterThanADayAfterArrival() {
        // Friday 27 Nov 17:00 MSK, low: 8 business hours would end Monday 16:00, but 24 h cap is Saturday 17:00 MSK
        assertThat(DUE.firstResponse(Priority.LOW, Instant.parse("2026-11-27T14:00:00Z")))
                .isEqualTo("2026-11-28T14:00:00Z");
        // Wednesday 30 Dec 15:00 MSK, medium: 3 h that day, then holidays until 11 Jan; the cap is 31 Dec 15:00 MSK
        assertThat(DUE.firstResponse(Priority.MEDIUM, Instant.parse("2026-12-30T12:00:00Z")))
                .isEqualTo("2026-12-31T12:00:00Z");
    }

    @Test
    void givesEachPriorityItsResolutionTarget() {
        Instant mondayTen = Instant.parse("2026-11-23T07:00:00Z");
        assertThat(DUE.resolution(Priority.CRITICAL, mondayTen)).isEqualTo("2026-11-23T09:00:00Z"); // 12:00
        assertThat(DUE.resolution(Priority.HIGH, mondayTen)).isEqualTo("2026-11-23T11:00:00Z"); // 14:00
        // 8 h: all of Monday from 10:00, no cap on solving
        assertThat(DUE.resolution(Priority.MEDIUM, mondayTen)).isEqualTo("2026-11-23T15:00:00Z");
        // 40 h: Monday 8 h, Tuesday–Thursday 27 h, Friday 5 h → Friday 27 Nov 14:00 MSK = 11:00Z
        assertThat(DUE.resolution(Priority.LOW, mondayTen)).isEqualTo("2026-11-27T11:00:00Z");
    }
}
