package io.otklik.sla;

import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * One stretch of work within a day on the wall clock, such as 09:00–13:00. An end of {@code 00:00} means the end of
 * the day (written 24:00), so {@code 00:00–24:00} is the whole day.
 */
public record WorkingPeriod(LocalTime start, LocalTime end) {

    static final long NANOS_PER_DAY = 86_400_000_000_000L;

    public WorkingPeriod {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!end.equals(LocalTime.MIDNIGHT) && !start.isBefore(end)) {
            throw new IllegalArgumentException("A working period must end after it starts: " + start + "–" + end);
        }
    }

    public static WorkingPeriod of(String start, String end) {
        return new WorkingPeriod(time(start), time(end));
    }

    /** Reads {@code 09:00-18:00} (a hyphen or an en dash; {@code 24:00} for the end of the day). */
    public static WorkingPeriod parse(String text) {
        String[] parts = text.strip().split("\\s*[-–]\\s*");
        if (parts.length != 2) {
            throw new IllegalArgumentException("Expected a working period like 09:00-18:00, got '" + text + "'");
        }
        return new WorkingPeriod(time(parts[0]), time(parts[1]));
    }

    private static LocalTime time(String text) {
        if (text.equals("24:00")) {
            return LocalTime.MIDNIGHT;
        }
        try {
            return LocalTime.parse(text.length() == 4 ? "0" + text : text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Not a time of day: '" + text + "'", e);
        }
    }

    long startNanos() {
        return start.toNanoOfDay();
    }

    /** Nanoseconds from midnight to the end; the end of the day is a whole day's worth. */
    long endNanos() {
        return end.equals(LocalTime.MIDNIGHT) ? NANOS_PER_DAY : end.toNanoOfDay();
    }

    /** Its length on the wall clock (a day when clocks change may give more or less real time). */
    public Duration length() {
        return Duration.ofNanos(endNanos() - startNanos());
    }

    @Override
    public String toString() {
        return start + "-" + (end.equals(LocalTime.MIDNIGHT) ? "24:00" : end.toString());
    }
}
