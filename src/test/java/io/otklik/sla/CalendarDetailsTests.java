package io.otklik.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

/** What administrators type for a calendar is read, sorted and checked before anything is saved. */
class CalendarDetailsTests {

    @Test
    void readsPeriodsInAnyOrderWithDashesAndTheEndOfTheDay() {
        CalendarDetails details = new CalendarDetails(" Офис ", "Europe/Moscow", false, List.of(
                "14:00-18:00, 9:00 – 13:00", "09:00-13:00;13:00-18:00", "20:00-24:00", "", "00:00-24:00"), "ru");

        assertThat(details.problems()).isEmpty();
        assertThat(details.name()).isEqualTo("Офис");
        WeeklyHours week = details.week();
        assertThat(week.on(DayOfWeek.MONDAY)).hasToString("09:00-13:00,14:00-18:00");
        assertThat(week.on(DayOfWeek.TUESDAY)).hasToString("09:00-13:00,13:00-18:00");
        assertThat(week.on(DayOfWeek.WEDNESDAY)).hasToString("20:00-24:00");
        assertThat(week.on(DayOfWeek.THURSDAY).isDayOff()).isTrue();
        assertThat(week.on(DayOfWeek.FRIDAY)).isEqualTo(WorkingHours.ALL_DAY);
        assertThat(week.on(DayOfWeek.SUNDAY).isDayOff()).isTrue();
    }

    @Test
    void saysWhatIsWrongWithEachWeekday() {
        CalendarDetails details = new CalendarDetails("", "Europe/Atlantis", false, List.of("9-18",
                "09:00-12:00, 11:30-18:00", "18:00-09:00", "08:60-12:00", "24:00-24:00", "12:00-12:00"), "");

        assertThat(details.problems()).extracting(CalendarProblem::field, CalendarProblem::code,
                CalendarProblem::arguments).containsExactly(
                        tuple("name", "calendar.name-required", List.of()),
                        tuple("zone", "calendar.zone-unknown", List.of("Europe/Atlantis")),
                        tuple("hours[0]", "calendar.hours.format", List.of("9-18")),
                        tuple("hours[1]", "calendar.hours.overlap", List.of("09:00-12:00", "11:30-18:00")),
                        tuple("hours[2]", "calendar.hours.order", List.of("18:00-09:00")),
                        tuple("hours[3]", "calendar.hours.time", List.of("08:60")),
                        tuple("hours[4]", "calendar.hours.time", List.of("24:00")),
                        tuple("hours[5]", "calendar.hours.order", List.of("12:00-12:00")));
    }

    @Test
    void aWeekWithoutHoursNeedsRoundTheClock() {
        assertThat(new CalendarDetails("Пусто", "UTC", false, List.of(), "").problems())
                .extracting(CalendarProblem::code).containsExactly("calendar.hours.none");
        assertThat(new CalendarDetails("Всегда", "UTC", true, List.of(), "").problems()).isEmpty();
    }

    @Test
    void aDatedWorkingDayNeedsHoursAndAHolidayHasNone() {
        LocalDate saturday = LocalDate.of(2026, 11, 28);
        assertThat(new CalendarDay(saturday, CalendarDay.Kind.WORKING, "15:00-17:00,10:00-14:00", "").problems())
                .isEmpty();
        assertThat(new CalendarDay(saturday, CalendarDay.Kind.WORKING, "15:00-17:00,10:00-14:00", "").normalized()
                .hours()).isEqualTo("10:00-14:00, 15:00-17:00");
        assertThat(new CalendarDay(saturday, CalendarDay.Kind.WORKING, " ", "").problems())
                .extracting(CalendarProblem::code).containsExactly("calendar.day.hours-required");
        assertThat(new CalendarDay(saturday, CalendarDay.Kind.HOLIDAY, "10:00-14:00", "").problems())
                .extracting(CalendarProblem::code).containsExactly("calendar.day.holiday-hours");
        assertThat(new CalendarDay(null, null, "", "x".repeat(501)).problems()).extracting(CalendarProblem::code)
                .containsExactly("calendar.day.date-required", "calendar.day.kind-required", "calendar.too-long");
    }

    @Test
    void summarizesTheWeekInRunsOfEqualDays() {
        CalendarDetails details = new CalendarDetails("Сводка", "UTC", false, List.of("09:00-18:00", "09:00-18:00",
                "09:00-18:00", "10:00-19:00", "09:00-18:00", "", "11:00-15:00"), "");
        CalendarView view = new CalendarView(new BusinessCalendarId(1), details.name(), ZoneId.of("UTC"), false,
                details.week(), null, false, List.of(), Instant.EPOCH, Instant.EPOCH);

        assertThat(view.weekSummary()).extracting(CalendarView.WeekGroup::from, CalendarView.WeekGroup::to,
                CalendarView.WeekGroup::hours).containsExactly(
                        tuple(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, "09:00-18:00"),
                        tuple(DayOfWeek.THURSDAY, DayOfWeek.THURSDAY, "10:00-19:00"),
                        tuple(DayOfWeek.FRIDAY, DayOfWeek.FRIDAY, "09:00-18:00"),
                        tuple(DayOfWeek.SUNDAY, DayOfWeek.SUNDAY, "11:00-15:00"));
    }

    @Test
    void ownDatesWinOverTheProductionCalendar() {
        HolidayCalendar country = HolidayCalendar.parse("ru", "year 2026\noff 2026-11-04\nshort 2026-11-03\n");
        CalendarView view = new CalendarView(new BusinessCalendarId(1), "Свои", ZoneId.of("Europe/Moscow"), false,
                WeeklyHours.parse("Mon-Fri 09:00-18:00"), "ru", false, List.of(
                        CalendarDay.working(LocalDate.of(2026, 11, 4), WorkingHours.parse("10:00-14:00"), "Дежурство"),
                        CalendarDay.holiday(LocalDate.of(2026, 11, 5), "Корпоратив")),
                Instant.EPOCH, Instant.EPOCH);

        BusinessCalendar calendar = view.calendar(country);
        assertThat(calendar.hoursOn(LocalDate.of(2026, 11, 3))).hasToString("09:00-17:00");
        assertThat(calendar.hoursOn(LocalDate.of(2026, 11, 4))).hasToString("10:00-14:00");
        assertThat(calendar.hoursOn(LocalDate.of(2026, 11, 5)).isDayOff()).isTrue();
        assertThat(calendar.hoursOn(LocalDate.of(2026, 11, 6))).hasToString("09:00-18:00");
    }
}
