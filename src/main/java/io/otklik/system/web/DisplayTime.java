package io.otklik.system.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Shows stored instants (UTC) in the support team's time zone ({@code otklik.time-zone}); pages call it as
 * {@code ${@when.dateTime(instant)}}.
 */
@Component("when")
public class DisplayTime {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("dd.MM HH:mm");
    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private final ZoneId zone;

    DisplayTime(@Value("${otklik.time-zone:Europe/Moscow}") ZoneId zone) {
        this.zone = zone;
    }

    public String dateTime(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant.atZone(zone));
    }

    public String date(Instant instant) {
        return instant == null ? "" : DATE.format(instant.atZone(zone));
    }

    public String shortDateTime(Instant instant) {
        return instant == null ? "" : SHORT.format(instant.atZone(zone));
    }

    public String iso(Instant instant) {
        return instant == null ? "" : ISO.format(instant.atZone(zone));
    }
}
