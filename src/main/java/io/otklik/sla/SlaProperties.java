package io.otklik.sla;

import java.time.ZoneId;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The default business calendar as made on the first start ({@link CalendarFromSettings}): its {@code timeZone}, the
 * {@code workingHours} of an ordinary week (as {@link WeeklyHours#parse} reads them) and the {@code holidays} laid
 * over it: names of shipped production calendars ({@code ru}), locations of {@code .ics} or text calendar files, or
 * {@code none}. Not read once the database has a calendar.
 */
@ConfigurationProperties("otklik.sla")
record SlaProperties(ZoneId timeZone, String workingHours, List<String> holidays) {

    SlaProperties {
        timeZone = timeZone == null ? ZoneId.of("Europe/Moscow") : timeZone;
        workingHours = workingHours == null || workingHours.isBlank() ? "Mon-Fri 09:00-18:00" : workingHours;
        holidays = holidays == null ? List.of("ru") : List.copyOf(holidays);
    }
}
