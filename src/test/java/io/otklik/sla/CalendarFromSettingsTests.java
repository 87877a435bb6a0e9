package io.otklik.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The first calendar is made from the settings an administrator gave before calendars were kept in the database
 * (otklik.sla.*), and counts as the configured calendar did.
 */
class CalendarFromSettingsTests {

    static final PathMatchingResourcePatternResolver RESOURCES = new PathMatchingResourcePatternResolver();

    @TempDir
    Path dir;

    static CalendarFromSettings.Seed seed(String zone, String hours, List<String> holidays) {
        return CalendarFromSettings.seed(new SlaProperties(zone == null ? null : ZoneId.of(zone), hours, holidays),
                "Основной календарь", RESOURCES, 2026);
    }

    /** The calendar as business time will count on it once saved. */
    static BusinessCalendar calendar(CalendarFromSettings.Seed seed) {
        CalendarDetails details = seed.details();
        assertThat(details.problems()).isEmpty();
        assertThat(seed.days()).allSatisfy(day -> assertThat(day.problems()).isEmpty());
        CalendarView view = new CalendarView(new BusinessCalendarId(1), details.name(), details.zoneId(),
                details.roundTheClock(), details.week(), details.countryOrNull(), true, seed.days(), Instant.EPOCH,
                Instant.EPOCH);
        return view.calendar(details.countryOrNull() == null ? HolidayCalendar.NONE
                : BusinessCalendars.shipped(details.countryOrNull(), RESOURCES));
    }

    @Test
    void defaultsToMoscowOfficeHoursAndTheRussianCalendar() {
        CalendarFromSettings.Seed seed = seed(null, null, null);
        BusinessCalendar standard = calendar(seed);

        assertThat(seed.details().name()).isEqualTo("Основной календарь");
        assertThat(seed.details().country()).isEqualTo("ru");
        assertThat(seed.details().roundTheClock()).isFalse();
        assertThat(seed.details().hours()).containsExactly("09:00-18:00", "09:00-18:00", "09:00-18:00",
                "09:00-18:00", "09:00-18:00", "", "");
        assertThat(seed.days()).isEmpty();
        assertThat(standard.zone()).isEqualTo(ZoneId.of("Europe/Moscow"));
        assertThat(standard.week().on(DayOfWeek.MONDAY)).hasToString("09:00-18:00");
        assertThat(standard.week().on(DayOfWeek.SATURDAY).isDayOff()).isTrue();
        assertThat(standard.hoursOn(LocalDate.of(2026, 11, 4)).isDayOff()).isTrue();
        assertThat(standard.hoursOn(LocalDate.of(2026, 11, 3))).hasToString("09:00-17:00");
    }

    @Test
    void runsRoundTheClockWithoutHolidaysWhenToldSo() {
        CalendarFromSettings.Seed seed = seed("Europe/Berlin", "24/7", List.of("none"));
        BusinessCalendar calendar = calendar(seed);

        assertThat(seed.details().roundTheClock()).isTrue();
        assertThat(seed.details().country()).isEmpty();
        assertThat(calendar.hoursOn(LocalDate.of(2026, 12, 31))).isEqualTo(WorkingHours.ALL_DAY);
        assertThat(new BusinessTime(calendar).plus(Instant.parse("2026-12-31T20:00:00Z"), Duration.ofHours(40)))
                .isEqualTo(Instant.parse("2027-01-02T12:00:00Z"));
    }

    @Test
    void takesTheDatesOfConfiguredFilesAsTheCalendarsOwn() throws IOException {
        Path ics = Files.writeString(dir.resolve("company.ics"), """
                BEGIN:VCALENDAR
                BEGIN:VEVENT
                DTSTART;VALUE=DATE:20261130
                SUMMARY:Company day
                END:VEVENT
                END:VCALENDAR
                """);
        Path txt = Files.writeString(dir.resolve("branch.txt"), """
                year 2026
                work 2026-12-05 as Fri   # a Saturday worked with Friday's hours
                short 2026-12-04 2h
                off 2026-12-07
                """);

        CalendarFromSettings.Seed seed = seed("Europe/Moscow", "Mon-Thu 09:00-18:00; Fri 09:00-16:45",
                List.of("ru", ics.toUri().toString(), txt.toUri().toString()));
        BusinessCalendar standard = calendar(seed);

        assertThat(seed.days()).extracting(CalendarDay::date, CalendarDay::kind, CalendarDay::hours,
                CalendarDay::note).containsExactly(
                        tuple(LocalDate.of(2026, 11, 30), CalendarDay.Kind.HOLIDAY, "",
                                "Company day"),
                        tuple(LocalDate.of(2026, 12, 4), CalendarDay.Kind.WORKING,
                                "09:00-14:45", txt.toUri().toString()),
                        tuple(LocalDate.of(2026, 12, 5), CalendarDay.Kind.WORKING,
                                "09:00-16:45", txt.toUri().toString()),
                        tuple(LocalDate.of(2026, 12, 7), CalendarDay.Kind.HOLIDAY, "",
                                txt.toUri().toString()));
        assertThat(standard.hoursOn(LocalDate.of(2026, 11, 30)).isDayOff()).isTrue();
        assertThat(standard.hoursOn(LocalDate.of(2026, 11, 4)).isDayOff()).isTrue();
        assertThat(standard.hoursOn(LocalDate.of(2026, 12, 5))).hasToString("09:00-16:45");
    }

    @Test
    void refusesSettingsItCannotUse() {
        assertThatThrownBy(() -> seed("Europe/Moscow", "Mon-Fri 9-18", List.of("ru")))
                .hasMessageContaining("Not a time of day: '9'");
        assertThatThrownBy(() -> seed("Europe/Moscow", "Mon-Fri 09:00-18:00", List.of("atlantis")))
                .hasMessageContaining("No holiday calendar named 'atlantis'");
    }
}
