package io.otklik.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The shipped Russian production calendars give the official norms: working days and hours of a five-day,
 * 40-hour week (8 hours a day, an hour less before a public holiday).
 */
class RussianProductionCalendarTests {

    static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    static final HolidayCalendar RU = BusinessCalendars.shipped("ru", new PathMatchingResourcePatternResolver());
    static final BusinessCalendar EIGHT_HOURS = BusinessCalendar.of(MOSCOW,
            WeeklyHours.parse("Mon-Fri 09:00-13:00,14:00-18:00"), RU);
    static final BusinessTime TIME = new BusinessTime(EIGHT_HOURS);

    @Test
    void has2026AsDecreedAnd2027Provisionally() {
        assertThat(RU.years()).contains(2026, 2027);
        assertThat(RU.provisionalYears()).containsExactly(2027);
    }

    @Test
    void gives2026TheOfficialMonthlyHours() {
        // production calendar 2026, 40-hour week: January … December, 1972 hours in the year
        List<Long> hours = new ArrayList<>();
        for (int month = 1; month <= 12; month++) {
            hours.add(hoursIn(YearMonth.of(2026, month)));
        }
        assertThat(hours).containsExactly(120L, 152L, 168L, 175L, 151L, 167L, 184L, 168L, 176L, 176L, 159L, 176L);
        assertThat(TIME.between(start(LocalDate.of(2026, 1, 1)), start(LocalDate.of(2027, 1, 1))))
                .isEqualTo(Duration.ofHours(1972));
        assertThat(workingDays(2026)).isEqualTo(247);
    }

    @Test
    void gives2027TheStatutoryDaysUntilTheDecreeIsOut() {
        // 261 weekdays less 12 holidays on weekdays (1, 4–8 Jan, 23 Feb, 8 Mar, 3 and 10 May, 14 Jun, 4 Nov);
        // five shortened days (22 Feb, 30 Apr, 11 Jun, 3 Nov, 31 Dec): 249 × 8 − 5 = 1987 hours
        assertThat(workingDays(2027)).isEqualTo(249);
        assertThat(TIME.between(start(LocalDate.of(2027, 1, 1)), start(LocalDate.of(2028, 1, 1))))
                .isEqualTo(Duration.ofHours(1987));
    }

    @Test
    void endsTheDayBeforeAHolidayAnHourEarly() {
        assertThat(EIGHT_HOURS.hoursOn(LocalDate.of(2026, 4, 30))).hasToString("09:00-13:00,14:00-17:00");
        assertThat(EIGHT_HOURS.hoursOn(LocalDate.of(2026, 5, 1)).isDayOff()).isTrue();
        // 31 December 2026 is a day off moved there from Sunday 4 January, so the 30th is a full day
        assertThat(EIGHT_HOURS.hoursOn(LocalDate.of(2026, 12, 30))).hasToString("09:00-13:00,14:00-18:00");
        assertThat(EIGHT_HOURS.hoursOn(LocalDate.of(2026, 12, 31)).isDayOff()).isTrue();
    }

    @Test
    void runsALongTargetToTheLastWorkingHourOfTheYear() {
        // 1972 working hours from New Year 2026 end at the close of the last working day, Wednesday 30 Dec 18:00 MSK
        assertThat(TIME.plus(start(LocalDate.of(2026, 1, 1)), Duration.ofHours(1972)))
                .isEqualTo(Instant.parse("2026-12-30T15:00:00Z"));
    }

    private static long hoursIn(YearMonth month) {
        return TIME.between(start(month.atDay(1)), start(month.plusMonths(1).atDay(1))).toHours();
    }

    private static long workingDays(int year) {
        long days = 0;
        for (LocalDate date = LocalDate.of(year, 1, 1); date.getYear() == year; date = date.plusDays(1)) {
            days += EIGHT_HOURS.hoursOn(date).isDayOff() ? 0 : 1;
        }
        return days;
    }

    private static Instant start(LocalDate date) {
        return date.atStartOfDay(MOSCOW).toInstant();
    }
}
