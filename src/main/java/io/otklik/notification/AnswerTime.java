package io.otklik.notification;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The promised time as people say it: "сегодня до 14:30", "tomorrow by 10:00", "25 ноября до 10:00", with the
 * zone's offset so a customer elsewhere is not misled.
 */
final class AnswerTime {

    private AnswerTime() {
    }

    static String format(Instant due, Instant now, ZoneId zone, Locale language) {
        boolean russian = "ru".equals(language.getLanguage());
        ZonedDateTime at = due.atZone(zone);
        LocalDate today = now.atZone(zone).toLocalDate();
        String time = at.format(DateTimeFormatter.ofPattern("HH:mm"));
        String offset = offset(at);
        LocalDate day = at.toLocalDate();
        if (day.equals(today)) {
            return (russian ? "сегодня, " : "today, ") + time + " " + offset;
        }
        if (day.equals(today.plusDays(1))) {
            return (russian ? "завтра, " : "tomorrow, ") + time + " " + offset;
        }
        String pattern = day.getYear() == today.getYear() ? "d MMMM" : "d MMMM yyyy";
        return at.format(DateTimeFormatter.ofPattern(pattern, language)) + ", " + time + " " + offset;
    }

    private static String offset(ZonedDateTime at) {
        int seconds = at.getOffset().getTotalSeconds();
        if (seconds == 0) {
            return "(UTC)";
        }
        int hours = seconds / 3600;
        int minutes = Math.abs(seconds % 3600) / 60;
        return "(UTC" + (seconds > 0 ? "+" : "-") + Math.abs(hours) + (minutes == 0 ? "" : ":" + "%02d".formatted(minutes))
                + ")";
    }
}
