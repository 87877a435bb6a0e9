package io.otklik.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * Working time counted over calendars: expected instants are worked out by hand in the comments (local times, then
 * UTC: Moscow is UTC+3 all year; Berlin is UTC+1 in winter, UTC+2 in summer, switching on 29 March and 25 October
 * 2026).
 */
class BusinessTimeTests {

    static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    static final BusinessTime OFFICE = time(MOSCOW, "Mon-Fri 09:00-18:00", "");
    static final BusinessTime WITH_LUNCH = time(MOSCOW, "Mon-Fri 09:00-13:00,14:00-18:00", "");
    static final BusinessTime BERLIN_OFFICE = time(BERLIN, "Mon-Fri 09:00-18:00", "");

    static BusinessTime time(ZoneId zone, String week, String holidays) {
        return new BusinessTime(BusinessCalendar.of(zone, WeeklyHours.parse(week),
                HolidayCalendar.parse("test", holidays)));
    }

    static Instant at(String utc) {
        return Instant.parse(utc);
    }

    @Test
    void addsWithinOneWorkingDay() {
        // Monday 23 Nov 2026 10:00 MSK + 30 min = 10:30 MSK = 07:30Z
        assertThat(OFFICE.plus(at("2026-11-23T07:00:00Z"), Duration.ofMinutes(30)))
                .isEqualTo(at("2026-11-23T07:30:00Z"));
    }

    @Test
    void carriesOverMidnightToTheNextMorning() {
        // Monday 17:30 MSK: 30 min until 18:00, the other 30 min from Tuesday 09:00 → Tuesday 24 Nov 09:30 MSK
        assertThat(OFFICE.plus(at("2026-11-23T14:30:00Z"), Duration.ofMinutes(60)))
                .isEqualTo(at("2026-11-24T06:30:00Z"));
    }

    @Test
    void skipsTheWeekend() {
        // Friday 27 Nov 17:00 MSK: 1 h until 18:00, 1 h on Monday 30 Nov from 09:00 → 10:00 MSK = 07:00Z
        assertThat(OFFICE.plus(at("2026-11-27T14:00:00Z"), Duration.ofHours(2)))
                .isEqualTo(at("2026-11-30T07:00:00Z"));
    }

    @Test
    void startsCountingAtOpeningTimeWhenArrivingOutsideHours() {
        // Saturday 28 Nov 12:00 MSK → counting starts Monday 30 Nov 09:00 → 09:30 MSK = 06:30Z
        assertThat(OFFICE.plus(at("2026-11-28T09:00:00Z"), Duration.ofMinutes(30)))
                .isEqualTo(at("2026-11-30T06:30:00Z"));
        // Monday 23 Nov 07:00 MSK, before opening → 09:00 + 1 h = 10:00 MSK = 07:00Z
        assertThat(OFFICE.plus(at("2026-11-23T04:00:00Z"), Duration.ofHours(1)))
                .isEqualTo(at("2026-11-23T07:00:00Z"));
    }

    @Test
    void endsAtClosingTimeWhenTheTargetRunsOutExactlyThen() {
        // Friday 17:00 MSK + 1 h = Friday 18:00 MSK (15:00Z), not Monday 09:00
        assertThat(OFFICE.plus(at("2026-11-27T14:00:00Z"), Duration.ofHours(1)))
                .isEqualTo(at("2026-11-27T15:00:00Z"));
    }

    @Test
    void addingNothingGivesTheStartEvenOutsideHours() {
        assertThat(OFFICE.plus(at("2026-11-29T10:00:00Z"), Duration.ZERO)).isEqualTo(at("2026-11-29T10:00:00Z"));
    }

    @Test
    void refusesNegativeWorkingTime() {
        assertThatThrownBy(() -> OFFICE.plus(at("2026-11-23T07:00:00Z"), Duration.ofMinutes(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void skipsTheLunchBreak() {
        // Monday 12:30 MSK: 30 min until 13:00, lunch, 30 min from 14:00 → 14:30 MSK = 11:30Z
        assertThat(WITH_LUNCH.plus(at("2026-11-23T09:30:00Z"), Duration.ofHours(1)))
                .isEqualTo(at("2026-11-23T11:30:00Z"));
        // Monday 12:00 to 15:00 MSK: 12–13 and 14–15 → 2 h
        assertThat(WITH_LUNCH.between(at("2026-11-23T09:00:00Z"), at("2026-11-23T12:00:00Z")))
                .isEqualTo(Duration.ofHours(2));
    }

    @Test
    void skipsHolidaysAndEndsShortenedDaysAnHourEarly() {
        BusinessTime time = time(MOSCOW, "Mon-Fri 09:00-18:00", """
                short 2026-11-03
                off 2026-11-04
                """);
        // Tuesday 3 Nov 16:30 MSK, a shortened day ending 17:00: 30 min; Wednesday 4 Nov off;
        // 30 min from Thursday 5 Nov 09:00 → 09:30 MSK = 06:30Z
        assertThat(time.plus(at("2026-11-03T13:30:00Z"), Duration.ofHours(1))).isEqualTo(at("2026-11-05T06:30:00Z"));
        // Monday 2 Nov 00:00 to Friday 6 Nov 00:00 MSK: 9 h + 8 h + 0 h + 9 h = 26 h
        assertThat(time.between(at("2026-11-01T21:00:00Z"), at("2026-11-05T21:00:00Z")))
                .isEqualTo(Duration.ofHours(26));
    }

    @Test
    void waitsOutTheNewYearHolidays() {
        BusinessTime time = time(MOSCOW, "Mon-Fri 09:00-18:00", """
                off 2026-12-31
                off 2027-01-01..2027-01-08
                """);
        // Wednesday 30 Dec 17:00 MSK: 1 h; 31 Dec – 10 Jan off (holidays, then a weekend);
        // 3 h from Monday 11 Jan 2027 09:00 → 12:00 MSK = 09:00Z
        assertThat(time.plus(at("2026-12-30T14:00:00Z"), Duration.ofHours(4))).isEqualTo(at("2027-01-11T09:00:00Z"));
    }

    @Test
    void worksATransferredSaturdayWithTheHoursOfTheDayItStandsIn() {
        BusinessTime time = time(MOSCOW, "Mon 10:00-19:00; Tue-Fri 09:00-18:00", """
                work 2025-11-01 as Mon
                off 2025-11-03
                off 2025-11-04
                """);
        // Friday 31 Oct 2025 17:00 MSK: 1 h; Saturday 1 Nov is worked with Monday's hours 10:00–19:00:
        // 2 h → 12:00 MSK = 09:00Z
        assertThat(time.plus(at("2025-10-31T14:00:00Z"), Duration.ofHours(3))).isEqualTo(at("2025-11-01T09:00:00Z"));
        // Friday 31 Oct 00:00 to Thursday 6 Nov 00:00 MSK: Fri 9 h + Sat 9 h + (Mon, Tue off) + Wed 9 h = 27 h
        assertThat(time.between(at("2025-10-30T21:00:00Z"), at("2025-11-05T21:00:00Z")))
                .isEqualTo(Duration.ofHours(27));
    }

    @Test
    void keepsOfficeHoursOnTheWallClockWhenBerlinSpringsForward() {
        // Friday 27 Mar 17:00 CET (16:00Z): 1 h; clocks go forward on Sunday 29 Mar;
        // 1 h from Monday 30 Mar 09:00 CEST → 10:00 CEST = 08:00Z
        assertThat(BERLIN_OFFICE.plus(at("2026-03-27T16:00:00Z"), Duration.ofHours(2)))
                .isEqualTo(at("2026-03-30T08:00:00Z"));
        assertThat(BERLIN_OFFICE.between(at("2026-03-27T16:00:00Z"), at("2026-03-30T08:00:00Z")))
                .isEqualTo(Duration.ofHours(2));
    }

    @Test
    void keepsOfficeHoursOnTheWallClockWhenBerlinFallsBack() {
        // Friday 23 Oct 17:00 CEST (15:00Z): 1 h; clocks go back on Sunday 25 Oct;
        // 1 h from Monday 26 Oct 09:00 CET → 10:00 CET = 09:00Z
        assertThat(BERLIN_OFFICE.plus(at("2026-10-23T15:00:00Z"), Duration.ofHours(2)))
                .isEqualTo(at("2026-10-26T09:00:00Z"));
    }

    @Test
    void countsRealTimeRoundTheClockAcrossClockChanges() {
        BusinessTime allDay = new BusinessTime(BusinessCalendar.allDay(BERLIN));
        // Saturday 28 Mar 12:00 CET (11:00Z) + 24 h = 11:00Z next day (13:00 CEST on the wall clock)
        assertThat(allDay.plus(at("2026-03-28T11:00:00Z"), Duration.ofHours(24))).isEqualTo(at("2026-03-29T11:00:00Z"));
        // Sunday 29 Mar lasts 23 h: 00:00 CET (28 Mar 23:00Z) to Monday 00:00 CEST (29 Mar 22:00Z)
        assertThat(allDay.between(at("2026-03-28T23:00:00Z"), at("2026-03-29T22:00:00Z")))
                .isEqualTo(Duration.ofHours(23));
        // Sunday 25 Oct lasts 25 h: 00:00 CEST (24 Oct 22:00Z) to Monday 00:00 CET (25 Oct 23:00Z)
        assertThat(allDay.between(at("2026-10-24T22:00:00Z"), at("2026-10-25T23:00:00Z")))
                .isEqualTo(Duration.ofHours(25));
        // a year round the clock is a year: 2026 has 365 days
        assertThat(allDay.plus(at("2026-01-01T00:00:00Z"), Duration.ofDays(365))).isEqualTo(at("2027-01-01T00:00:00Z"));
    }

    @Test
    void measuresANightShiftThatSpansTheChangedHourInRealTime() {
        BusinessTime nights = time(BERLIN, "Mon-Sun 01:00-04:00", "");
        // Sunday 29 Mar: 01:00 CET (00:00Z) to 04:00 CEST (02:00Z) is 2 h; 30 min more from Monday 30 Mar
        // 01:00 CEST (29 Mar 23:00Z) → 23:30Z
        assertThat(nights.plus(at("2026-03-29T00:00:00Z"), Duration.ofMinutes(150)))
                .isEqualTo(at("2026-03-29T23:30:00Z"));
        // Sunday 25 Oct: 01:00 CEST (24 Oct 23:00Z) to 04:00 CET (03:00Z) is 4 h, the repeated hour counted twice
        assertThat(nights.between(at("2026-10-24T12:00:00Z"), at("2026-10-25T12:00:00Z")))
                .isEqualTo(Duration.ofHours(4));
        // a shift starting at 02:30, which does not exist on 29 Mar, starts when clocks jump to 03:00 CEST (01:00Z)
        // and runs to 05:00 CEST (03:00Z): 2 h
        BusinessTime lateNights = time(BERLIN, "Mon-Sun 02:30-05:00", "");
        assertThat(lateNights.between(at("2026-03-29T00:00:00Z"), at("2026-03-29T12:00:00Z")))
                .isEqualTo(Duration.ofHours(2));
    }

    @Test
    void keepsMoscowTimeSteadyWhereTheClocksNoLongerChange() {
        // Moscow has not changed clocks since 2014: Friday 27 Mar 17:00 MSK (14:00Z) + 2 h
        // → Monday 30 Mar 10:00 MSK = 07:00Z, the same offset as before
        assertThat(OFFICE.plus(at("2026-03-27T14:00:00Z"), Duration.ofHours(2))).isEqualTo(at("2026-03-30T07:00:00Z"));
        // ... but it did on 26 Oct 2014 (UTC+4 to UTC+3): that Sunday lasted 25 h round the clock
        BusinessTime allDay = new BusinessTime(BusinessCalendar.allDay(MOSCOW));
        assertThat(allDay.between(at("2014-10-25T20:00:00Z"), at("2014-10-26T21:00:00Z")))
                .isEqualTo(Duration.ofHours(25));
    }

    @Test
    void spansAYearAndADecadeOfWorkingWeeks() {
        BusinessTime eightHours = time(MOSCOW, "Mon-Fri 09:00-17:00", "");
        // Monday 5 Jan 2026 09:00 MSK + 52 weeks of 40 h ends on the 52nd Friday, 1 Jan 2027, at 17:00 MSK = 14:00Z
        assertThat(eightHours.plus(at("2026-01-05T06:00:00Z"), Duration.ofHours(52 * 40)))
                .isEqualTo(at("2027-01-01T14:00:00Z"));
        // 520 weeks: Friday 21 Dec 2035 17:00 MSK
        assertThat(eightHours.plus(at("2026-01-05T06:00:00Z"), Duration.ofHours(520 * 40)))
                .isEqualTo(at("2035-12-21T14:00:00Z"));
        assertThat(eightHours.between(at("2026-01-05T06:00:00Z"), at("2035-12-21T14:00:00Z")))
                .isEqualTo(Duration.ofHours(520 * 40));
        // the same year in Berlin passes both clock changes (on Sundays): Friday 1 Jan 2027 17:00 CET = 16:00Z
        BusinessTime berlin = time(BERLIN, "Mon-Fri 09:00-17:00", "");
        assertThat(berlin.plus(at("2026-01-05T08:00:00Z"), Duration.ofHours(52 * 40)))
                .isEqualTo(at("2027-01-01T16:00:00Z"));
    }

    @Test
    void countsWorkingTimeBetweenInstantsEitherWay() {
        // Friday 27 Nov 17:00 to Monday 30 Nov 10:00 MSK: 1 h + 1 h
        Instant friday = at("2026-11-27T14:00:00Z");
        Instant monday = at("2026-11-30T07:00:00Z");
        assertThat(OFFICE.between(friday, monday)).isEqualTo(Duration.ofHours(2));
        assertThat(OFFICE.between(monday, friday)).isEqualTo(Duration.ofHours(-2));
        assertThat(OFFICE.between(friday, friday)).isZero();
        // all of a weekend is no working time
        assertThat(OFFICE.between(at("2026-11-27T15:00:00Z"), at("2026-11-30T06:00:00Z"))).isZero();
    }

    @Test
    void keepsFractionsOfSeconds() {
        // Monday 10:00:00.123456 MSK + 90 s
        assertThat(OFFICE.plus(at("2026-11-23T07:00:00.123456Z"), Duration.ofSeconds(90)))
                .isEqualTo(at("2026-11-23T07:01:30.123456Z"));
    }

    @Test
    void agreesWithCountingDayByDayOverThousandsOfRandomCases() {
        BusinessTime time = time(BERLIN, "Mon-Thu 08:30-12:30,13:15-17:45; Fri 08:00-15:00; Sat 10:00-14:00", """
                off 2026-01-01..2026-01-08
                short 2026-04-30
                off 2026-05-01
                work 2026-05-16 as Fri
                off 2026-12-24..2026-12-31
                short 2027-03-26 2h
                """);
        Random random = new Random(20261123);
        Instant base = at("2025-12-01T00:00:00Z");
        for (int i = 0; i < 5_000; i++) {
            Instant start = base.plusSeconds(random.nextLong(3L * 365 * 86_400)).plusNanos(random.nextInt(1000));
            Duration target = Duration.ofSeconds(1 + random.nextLong(400L * 3600));
            Instant expected = countDayByDay(time.calendar(), start, target);
            assertThat(time.plus(start, target)).as("%s + %s", start, target).isEqualTo(expected);
            assertThat(time.between(start, expected)).as("%s .. %s", start, expected).isEqualTo(target);
        }
    }

    @Test
    void agreesWithCountingDayByDayInZonesWithOddClockChanges() {
        // Lord Howe moves by half an hour, Apia skipped 30 Dec 2011 altogether, São Paulo stopped changing in 2019,
        // Moscow in 2014, New York changes at 02:00 local; the night period reaches into changed hours
        Random random = new Random(20261125);
        for (String zone : new String[] {"Australia/Lord_Howe", "Pacific/Apia", "America/Sao_Paulo",
                "Europe/Moscow", "America/New_York"}) {
            BusinessTime time = time(ZoneId.of(zone), "Mon-Fri 08:00-18:00; Sat 01:00-03:30; Sun 00:00-24:00", "");
            Instant base = at("2010-06-01T00:00:00Z");
            for (int i = 0; i < 1_500; i++) {
                Instant start = base.plusSeconds(random.nextLong(16L * 365 * 86_400));
                Duration target = Duration.ofSeconds(1 + random.nextLong(300L * 3600));
                Instant expected = countDayByDay(time.calendar(), start, target);
                assertThat(time.plus(start, target)).as("%s: %s + %s", zone, start, target).isEqualTo(expected);
                assertThat(time.between(start, expected)).as("%s: %s .. %s", zone, start, expected)
                        .isEqualTo(target);
            }
        }
    }

    /** The slow way: every date in turn, each working period turned into instants through ZonedDateTime. */
    private static Instant countDayByDay(BusinessCalendar calendar, Instant start, Duration target) {
        long remaining = target.toNanos();
        for (LocalDate date = LocalDate.ofInstant(start, calendar.zone()); ; date = date.plusDays(1)) {
            for (WorkingPeriod period : calendar.hoursOn(date).periods()) {
                Instant from = wallClock(calendar.zone(), date.atTime(period.start()), false);
                Instant to = period.end().equals(LocalTime.MIDNIGHT)
                        ? wallClock(calendar.zone(), date.plusDays(1).atStartOfDay(), false)
                        : wallClock(calendar.zone(), date.atTime(period.end()), true);
                if (!to.isAfter(start)) {
                    continue;
                }
                if (from.isBefore(start)) {
                    from = start;
                }
                long available = Duration.between(from, to).toNanos();
                if (remaining <= available) {
                    return from.plusNanos(remaining);
                }
                remaining -= available;
            }
        }
    }

    private static Instant wallClock(ZoneId zone, LocalDateTime local, boolean end) {
        ZoneOffsetTransition transition = zone.getRules().getTransition(local);
        if (transition != null && transition.isGap()) {
            return transition.getInstant();
        }
        ZonedDateTime zoned = ZonedDateTime.ofLocal(local, zone, null);
        return (end ? zoned.withLaterOffsetAtOverlap() : zoned.withEarlierOffsetAtOverlap()).toInstant();
    }
}
