package io.otklik.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

/** Calendars are read from their short text forms and give each date its hours. */
class BusinessCalendarTests {

    static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    @Test
    void readsSeveralWorkingPeriodsPerWeekday() {
        WeeklyHours week = WeeklyHours.parse("Mon-Fri 09:00-13:00,14:00-18:00; Sat 10:00-14:00");

        assertThat(week.on(DayOfWeek.WEDNESDAY).periods()).containsExactly(WorkingPeriod.of("09:00", "13:00"),
                WorkingPeriod.of("14:00", "18:00"));
        assertThat(week.on(DayOfWeek.SATURDAY).total()).isEqualTo(Duration.ofHours(4));
        assertThat(week.on(DayOfWeek.SUNDAY).isDayOff()).isTrue();
        assertThat(week.total()).isEqualTo(Duration.ofHours(44));
        assertThat(week).hasToString("Mon 09:00-13:00,14:00-18:00; Tue 09:00-13:00,14:00-18:00; "
                + "Wed 09:00-13:00,14:00-18:00; Thu 09:00-13:00,14:00-18:00; Fri 09:00-13:00,14:00-18:00; "
                + "Sat 10:00-14:00");
    }

    @Test
    void readsRoundTheClockAndWeekdayLists() {
        assertThat(WeeklyHours.parse("24/7").total()).isEqualTo(Duration.ofDays(7));
        assertThat(WeeklyHours.parse("Mon-Sun 00:00-24:00")).isEqualTo(WeeklyHours.allDay());
        WeeklyHours week = WeeklyHours.parse("mon,wed,fri 9:00-12:00");
        assertThat(week.total()).isEqualTo(Duration.ofHours(9));
        assertThat(week.on(DayOfWeek.TUESDAY).isDayOff()).isTrue();
        // a range may wrap around the week's end
        assertThat(WeeklyHours.parse("Fri-Mon 10:00-11:00").total()).isEqualTo(Duration.ofHours(4));
    }

    @Test
    void refusesHoursItCannotMakeSenseOf() {
        assertThatThrownBy(() -> WeeklyHours.parse("Mon-Fri")).hasMessageContaining("Mon-Fri 09:00-18:00");
        assertThatThrownBy(() -> WeeklyHours.parse("Moonday 09:00-18:00")).hasMessageContaining("Moonday");
        assertThatThrownBy(() -> WeeklyHours.parse("Mon 18:00-09:00")).hasMessageContaining("end after it starts");
        assertThatThrownBy(() -> WeeklyHours.parse("Mon 09:00-13:00,12:00-18:00")).hasMessageContaining("overlap");
        assertThatThrownBy(() -> WeeklyHours.parse("Mon 9am-6pm")).hasMessageContaining("9am");
        assertThatThrownBy(() -> BusinessCalendar.of(MOSCOW, WeeklyHours.parse("Mon off")))
                .hasMessageContaining("needs working hours");
    }

    @Test
    void shortensADayAtItsEnd() {
        WorkingHours day = WorkingHours.parse("09:00-13:00,14:00-18:00");

        assertThat(day.shortenedBy(Duration.ofHours(1))).hasToString("09:00-13:00,14:00-17:00");
        // 8 h less 5 h 30 min leaves 2 h 30 min
        assertThat(day.shortenedBy(Duration.ofMinutes(330))).hasToString("09:00-11:30");
        assertThat(day.shortenedBy(Duration.ofHours(9))).isEqualTo(WorkingHours.NONE);
        assertThat(WorkingHours.ALL_DAY.shortenedBy(Duration.ofHours(1))).hasToString("00:00-23:00");
    }

    @Test
    void laysAProductionCalendarOverTheWeek() {
        HolidayCalendar holidays = HolidayCalendar.parse("test", """
                # a comment line
                year 2025
                off 2025-11-03..2025-11-04   # Monday and Tuesday off
                work 2025-11-01 as Fri       # Saturday worked with Friday's hours
                short 2025-12-30 2h
                """);
        BusinessCalendar calendar = BusinessCalendar.of(MOSCOW,
                WeeklyHours.parse("Mon-Thu 09:00-18:00; Fri 09:00-16:45"), holidays);

        assertThat(calendar.hoursOn(LocalDate.of(2025, 11, 1))).hasToString("09:00-16:45");
        assertThat(calendar.hoursOn(LocalDate.of(2025, 11, 3)).isDayOff()).isTrue();
        assertThat(calendar.hoursOn(LocalDate.of(2025, 11, 4)).isDayOff()).isTrue();
        assertThat(calendar.hoursOn(LocalDate.of(2025, 11, 5))).hasToString("09:00-18:00");
        assertThat(calendar.hoursOn(LocalDate.of(2025, 11, 8)).isDayOff()).isTrue();
        assertThat(calendar.hoursOn(LocalDate.of(2025, 12, 30))).hasToString("09:00-16:00");
        assertThat(holidays.years()).containsExactly(2025);
        assertThat(holidays.provisionalYears()).isEmpty();
        // one date given its own hours
        assertThat(calendar.withHours(LocalDate.of(2025, 11, 5), WorkingHours.parse("10:00-12:00"))
                .hoursOn(LocalDate.of(2025, 11, 5)).total()).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void namesTheLineOfAWrongEntry() {
        assertThatThrownBy(() -> HolidayCalendar.parse("ru", "year 2026\n\noff 2026-02-30\n"))
                .hasMessageContaining("'ru', line 3").hasMessageContaining("2026-02-30");
        assertThatThrownBy(() -> HolidayCalendar.parse("ru", "holiday 2026-01-01"))
                .hasMessageContaining("line 1").hasMessageContaining("unknown entry 'holiday'");
        assertThatThrownBy(() -> HolidayCalendar.parse("ru", "off 2026-01-01\nwork 2026-01-01"))
                .hasMessageContaining("line 2").hasMessageContaining("day off and a working day");
        assertThatThrownBy(() -> HolidayCalendar.parse("ru", "short 2026-04-30 1day"))
                .hasMessageContaining("1h or 30m");
    }

    @Test
    void mergesCalendarsKeepingEveryDayOff() {
        HolidayCalendar federal = HolidayCalendar.parse("ru", "year 2026\noff 2026-11-04\nshort 2026-11-03");
        HolidayCalendar regional = HolidayCalendar.parse("tatarstan", "provisional\noff 2026-11-06\noff 2026-11-03");

        HolidayCalendar both = federal.and(regional);

        assertThat(both.daysOff()).containsExactly(LocalDate.of(2026, 11, 3), LocalDate.of(2026, 11, 4),
                LocalDate.of(2026, 11, 6));
        assertThat(both.shortenedDays()).isEmpty();
        assertThat(both.name()).isEqualTo("ru+tatarstan");
        assertThat(both.provisionalYears()).containsExactly(2026);
        assertThat(HolidayCalendar.NONE.and(federal)).isSameAs(federal);
    }
}
