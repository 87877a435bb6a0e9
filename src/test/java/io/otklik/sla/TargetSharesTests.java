package io.otklik.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

/**
 * When a running clock reaches a share of its target, counted in business time like its due time (Moscow, UTC+3 all
 * year; 27 November 2026 is a Friday).
 */
class TargetSharesTests {

    static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    static final BusinessTime ROUND_THE_CLOCK = new BusinessTime(BusinessCalendar.allDay(MOSCOW));
    static final BusinessTime OFFICE = new BusinessTime(BusinessCalendar.of(MOSCOW,
            WeeklyHours.parse("Mon-Fri 09:00-18:00")));

    @Test
    void roundTheClockSharesAreShareOfRealTime() {
        Instant since = Instant.parse("2026-11-27T10:00:00Z");
        Duration allowed = Duration.ofMinutes(10);
        Instant due = since.plus(allowed);

        assertThat(reached(80, ClockTarget.RESOLUTION, allowed, Duration.ZERO, since, due, null, ROUND_THE_CLOCK))
                .isEqualTo("2026-11-27T10:08:00Z");
        assertThat(reached(100, ClockTarget.RESOLUTION, allowed, Duration.ZERO, since, due, null, ROUND_THE_CLOCK))
                .isEqualTo("2026-11-27T10:10:00Z");
        assertThat(reached(150, ClockTarget.RESOLUTION, allowed, Duration.ZERO, since, due, null, ROUND_THE_CLOCK))
                .isEqualTo("2026-11-27T10:15:00Z");
    }

    @Test
    void sharesSkipTheTimeOffLikeTheDueTime() {
        // Friday 16:00 Moscow with 8 working hours: 2 h on Friday, then 80 % (6 h 24 min) is Monday 13:24 Moscow.
        Instant since = Instant.parse("2026-11-27T13:00:00Z");
        Duration allowed = Duration.ofHours(8);
        Instant due = OFFICE.plus(since, allowed);

        assertThat(due).isEqualTo("2026-11-30T12:00:00Z");
        assertThat(reached(80, ClockTarget.RESOLUTION, allowed, Duration.ZERO, since, due, null, OFFICE))
                .isEqualTo("2026-11-30T10:24:00Z");
        assertThat(reached(25, ClockTarget.RESOLUTION, allowed, Duration.ZERO, since, due, null, OFFICE))
                .isEqualTo("2026-11-27T15:00:00Z");
    }

    @Test
    void timeUsedBeforeAPauseCounts() {
        // Resumed at 10:00 with 5 of 10 minutes used: 80 % comes 3 minutes later; 40 % was reached before the pause.
        Instant since = Instant.parse("2026-11-27T10:00:00Z");
        Duration allowed = Duration.ofMinutes(10);
        Duration used = Duration.ofMinutes(5);
        Instant due = since.plus(Duration.ofMinutes(5));

        assertThat(reached(80, ClockTarget.RESOLUTION, allowed, used, since, due, null, ROUND_THE_CLOCK))
                .isEqualTo("2026-11-27T10:03:00Z");
        assertThat(reached(40, ClockTarget.RESOLUTION, allowed, used, since, due, null, ROUND_THE_CLOCK))
                .isEqualTo(since);
    }

    @Test
    void aFirstAnswerDueByTheCapIsWarnedAboutBeforeTheCap() {
        // Friday 17:00 Moscow, 8 working hours would be Tuesday; the 24-hour cap makes it Saturday 17:00. 80 % comes
        // a fifth of the cap before that (12:12), 150 % half the cap after it (Sunday 05:00).
        Instant since = Instant.parse("2026-11-27T14:00:00Z");
        Duration allowed = Duration.ofHours(8);
        Duration cap = Duration.ofHours(24);
        Instant due = since.plus(cap);

        assertThat(reached(80, ClockTarget.FIRST_RESPONSE, allowed, Duration.ZERO, since, due, cap, OFFICE))
                .isEqualTo("2026-11-28T09:12:00Z");
        assertThat(reached(100, ClockTarget.FIRST_RESPONSE, allowed, Duration.ZERO, since, due, cap, OFFICE))
                .isEqualTo(due);
        assertThat(reached(150, ClockTarget.FIRST_RESPONSE, allowed, Duration.ZERO, since, due, cap, OFFICE))
                .isEqualTo("2026-11-29T02:00:00Z");
    }

    @Test
    void aCapThatDoesNotBindChangesNothing() {
        // Monday 09:00 Moscow with 1 working hour: due at 10:00, long before the cap.
        Instant since = Instant.parse("2026-11-30T06:00:00Z");
        Duration allowed = Duration.ofHours(1);
        Instant due = OFFICE.plus(since, allowed);

        assertThat(reached(80, ClockTarget.FIRST_RESPONSE, allowed, Duration.ZERO, since, due,
                Duration.ofHours(24), OFFICE)).isEqualTo("2026-11-30T06:48:00Z");
    }

    @Test
    void aDueTimeAFractionShortOfTheTargetIsNoCap() {
        // Kept rows hold the time used in whole seconds: 300.6 s used shows as 300, the due time keeps the fraction.
        Instant since = Instant.parse("2026-11-27T10:00:00Z");
        Duration allowed = Duration.ofMinutes(10);
        Instant due = since.plus(Duration.ofSeconds(299, 400_000_000));

        assertThat(reached(80, ClockTarget.FIRST_RESPONSE, allowed, Duration.ofSeconds(300), since, due,
                Duration.ofHours(24), ROUND_THE_CLOCK)).isEqualTo("2026-11-27T10:03:00Z");
    }

    private static Instant reached(int percent, ClockTarget target, Duration allowed, Duration used, Instant since,
            Instant due, Duration cap, BusinessTime time) {
        return TargetShares.reached(percent, target, allowed, used, since, due, cap, time);
    }
}
