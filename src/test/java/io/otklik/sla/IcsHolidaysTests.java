package io.otklik.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

/** An administrator's iCalendar file of holidays becomes days off. */
class IcsHolidaysTests {

    static final String HOLIDAYS = String.join("\r\n",
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//Example//Holidays//RU",
            "BEGIN:VEVENT",
            "UID:new-year-2027@example",
            "DTSTART;VALUE=DATE:20270101",
            "DTEND;VALUE=DATE:20270109",
            "SUMMARY:Новогодние каникулы и Рождество",
            "END:VEVENT",
            "BEGIN:VEVENT",
            "UID:defender@example",
            "DTSTART;VALUE=DATE:20270223",
            "SUMMARY;LANGUAGE=ru:День защитника Отечества — длинное описание, перенесённое",
            "  на следующую строку",
            "END:VEVENT",
            "BEGIN:VEVENT",
            "UID:company-day@example",
            "DTSTART:20250612",
            "RRULE:FREQ=YEARLY;COUNT=3",
            "EXDATE;VALUE=DATE:20260612",
            "SUMMARY:Company day, yearly",
            "END:VEVENT",
            "BEGIN:VEVENT",
            "UID:party@example",
            "DTSTART;TZID=Europe/Moscow:20270305T170000",
            "DTEND;TZID=Europe/Moscow:20270305T200000",
            "SUMMARY:Office party (a timed event, not a day off)",
            "END:VEVENT",
            "BEGIN:VEVENT",
            "UID:cancelled@example",
            "DTSTART;VALUE=DATE:20270310",
            "STATUS:CANCELLED",
            "END:VEVENT",
            "END:VCALENDAR",
            "");

    @Test
    void takesAllDayEventsAsDaysOff() {
        HolidayCalendar holidays = IcsHolidays.parse("company.ics", HOLIDAYS, 2030);

        assertThat(holidays.daysOff()).containsExactly(
                LocalDate.of(2025, 6, 12),
                LocalDate.of(2027, 1, 1), LocalDate.of(2027, 1, 2), LocalDate.of(2027, 1, 3),
                LocalDate.of(2027, 1, 4), LocalDate.of(2027, 1, 5), LocalDate.of(2027, 1, 6),
                LocalDate.of(2027, 1, 7), LocalDate.of(2027, 1, 8),
                LocalDate.of(2027, 2, 23),
                LocalDate.of(2027, 6, 12));
    }

    @Test
    void businessTimeWaitsOutTheImportedDaysOff() {
        BusinessTime time = new BusinessTime(BusinessCalendar.of(ZoneId.of("Europe/Moscow"),
                WeeklyHours.parse("Mon-Fri 09:00-18:00"), IcsHolidays.parse("company.ics", HOLIDAYS, 2030)));
        // Monday 22 Feb 2027 17:00 MSK: 1 h; Tuesday 23 Feb off; 1 h from Wednesday 09:00 → 10:00 MSK = 07:00Z
        assertThat(time.plus(Instant.parse("2027-02-22T14:00:00Z"), Duration.ofHours(2)))
                .isEqualTo(Instant.parse("2027-02-24T07:00:00Z"));
    }

    @Test
    void repeatsAYearlyEventUpToTheLastYearAsked() {
        String yearly = "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20260101\nRRULE:FREQ=YEARLY\n"
                + "END:VEVENT\nEND:VCALENDAR\n";

        assertThat(IcsHolidays.parse("y", yearly, 2028).daysOff()).containsExactly(LocalDate.of(2026, 1, 1),
                LocalDate.of(2027, 1, 1), LocalDate.of(2028, 1, 1));
    }

    @Test
    void refusesRepetitionsItCannotExpandFaithfully() {
        String monthly = "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20260101\nRRULE:FREQ=MONTHLY\n"
                + "END:VEVENT\nEND:VCALENDAR\n";

        assertThatThrownBy(() -> IcsHolidays.parse("m", monthly, 2030)).hasMessageContaining("line 2")
                .hasMessageContaining("FREQ=MONTHLY");
    }
}
