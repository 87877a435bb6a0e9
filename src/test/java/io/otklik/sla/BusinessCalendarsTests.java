package io.otklik.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** The standard calendar is built from the settings an administrator gives (otklik.sla.*). */
class BusinessCalendarsTests {

    static final Clock NOW = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    static BusinessCalendars calendars(String zone, String hours, List<String> holidays) {
        return new BusinessCalendars(new SlaProperties(zone == null ? null : ZoneId.of(zone), hours, holidays),
                new PathMatchingResourcePatternResolver(), NOW);
    }

    @Test
    void defaultsToMoscowOfficeHoursAndTheRussianCalendar() {
        BusinessCalendar standard = calendars(null, null, null).standard();

        assertThat(standard.zone()).isEqualTo(ZoneId.of("Europe/Moscow"));
        assertThat(standard.week().on(DayOfWeek.MONDAY)).hasToString("09:00-18:00");
        assertThat(standard.week().on(DayOfWeek.SATURDAY).isDayOff()).isTrue();
        assertThat(standard.hoursOn(LocalDate.of(2026, 11, 4)).isDayOff()).isTrue();
        assertThat(standard.hoursOn(LocalDate.of(2026, 11, 3))).hasToString("09:00-17:00");
    }

    @Test
    void runsRoundTheClockWithoutHolidaysWhenToldSo() {
        BusinessCalendars calendars = calendars("Europe/Berlin", "24/7", List.of("none"));

        assertThat(calendars.standard().hoursOn(LocalDate.of(2026, 12, 31))).isEqualTo(WorkingHours.ALL_DAY);
        assertThat(calendars.standardTime().plus(Instant.parse("2026-12-31T20:00:00Z"), Duration.ofHours(40)))
                .isEqualTo(Instant.parse("2027-01-02T12:00:00Z"));
    }

    @Test
    void addsHolidaysFromAnImportedIcsFile() throws IOException {
        Path ics = Files.writeString(dir.resolve("company.ics"), """
                BEGIN:VCALENDAR
                BEGIN:VEVENT
                DTSTART;VALUE=DATE:20261130
                SUMMARY:Company day
                END:VEVENT
                END:VCALENDAR
                """);

        BusinessCalendar standard = calendars("Europe/Moscow", "Mon-Fri 09:00-18:00",
                List.of("ru", ics.toUri().toString())).standard();

        assertThat(standard.hoursOn(LocalDate.of(2026, 11, 30)).isDayOff()).isTrue();
        assertThat(standard.hoursOn(LocalDate.of(2026, 11, 4)).isDayOff()).isTrue();
    }

    @Test
    void refusesToStartWithSettingsItCannotUse() {
        assertThatThrownBy(() -> calendars("Europe/Moscow", "Mon-Fri 9-18", List.of("ru")))
                .hasMessageContaining("Not a time of day: '9'");
        assertThatThrownBy(() -> calendars("Europe/Moscow", "Mon-Fri 09:00-18:00", List.of("atlantis")))
                .hasMessageContaining("No holiday calendar named 'atlantis'");
    }
}
