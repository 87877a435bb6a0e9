package io.otklik.sla;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A policy's durations as an administrator types them: whole minutes ({@code 90}) or hours and minutes
 * ({@code 1:30}, {@code 40:00}); empty for none. Shown back as hours and minutes.
 */
public final class TargetText {

    private static final Pattern MINUTES = Pattern.compile("\\d{1,7}");
    private static final Pattern HOURS_AND_MINUTES = Pattern.compile("(\\d{1,5}):(\\d{2})");

    private TargetText() {
    }

    /** The duration read, or the code of what is wrong with the text ({@code null} value and code: empty). */
    public record Read(Duration value, String code) {

        public boolean ok() {
            return code == null;
        }
    }

    public static Read read(String text) {
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.isEmpty()) {
            return new Read(null, null);
        }
        long minutes;
        Matcher hours = HOURS_AND_MINUTES.matcher(trimmed);
        if (MINUTES.matcher(trimmed).matches()) {
            minutes = Long.parseLong(trimmed);
        } else if (hours.matches() && Integer.parseInt(hours.group(2)) < 60) {
            minutes = Long.parseLong(hours.group(1)) * 60 + Integer.parseInt(hours.group(2));
        } else {
            return new Read(null, "sla-policy.duration.format");
        }
        if (minutes == 0) {
            return new Read(null, "sla-policy.duration.zero");
        }
        return new Read(Duration.ofMinutes(minutes), null);
    }

    /** {@code 4:00}, {@code 0:30}, {@code 40:00}; empty for none. */
    public static String text(Duration duration) {
        if (duration == null) {
            return "";
        }
        return duration.toHours() + ":" + String.format("%02d", duration.toMinutesPart());
    }
}
