package io.otklik.sla;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Working hours as an administrator types them: periods such as {@code 09:00-13:00, 14:00-18:00}, separated by
 * commas or semicolons, in any order (they are sorted), with a hyphen or a dash between start and end, {@code 24:00}
 * for the end of the day. An empty text is no hours. What is wrong comes back as a message code with its arguments,
 * for the administrator's language.
 */
final class HoursText {

    private static final Pattern PERIOD = Pattern.compile("(\\d{1,2}):(\\d{2})\\s*[-–—]\\s*(\\d{1,2}):(\\d{2})");

    private HoursText() {
    }

    /** The hours, or what is wrong with the text. */
    record Read(WorkingHours hours, String code, List<Object> arguments) {

        boolean ok() {
            return code == null;
        }

        CalendarProblem problem(String field) {
            return new CalendarProblem(field, code, arguments);
        }
    }

    static Read read(String text) {
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.isEmpty()) {
            return new Read(WorkingHours.NONE, null, List.of());
        }
        List<WorkingPeriod> periods = new ArrayList<>();
        for (String piece : trimmed.split("\\s*[,;]\\s*")) {
            if (piece.isEmpty()) {
                continue;
            }
            Matcher m = PERIOD.matcher(piece);
            if (!m.matches()) {
                return problem("calendar.hours.format", piece);
            }
            LocalTime start = time(m.group(1), m.group(2), false);
            LocalTime end = time(m.group(3), m.group(4), true);
            if (start == null) {
                return problem("calendar.hours.time", m.group(1) + ":" + m.group(2));
            }
            if (end == null) {
                return problem("calendar.hours.time", m.group(3) + ":" + m.group(4));
            }
            if (!end.equals(LocalTime.MIDNIGHT) && !start.isBefore(end)) {
                return problem("calendar.hours.order", shown(piece));
            }
            periods.add(new WorkingPeriod(start, end));
        }
        if (periods.isEmpty()) {
            return new Read(WorkingHours.NONE, null, List.of());
        }
        periods.sort(Comparator.comparing(WorkingPeriod::start));
        for (int i = 1; i < periods.size(); i++) {
            WorkingPeriod before = periods.get(i - 1);
            WorkingPeriod after = periods.get(i);
            if (after.startNanos() < before.endNanos()) {
                return problem("calendar.hours.overlap", before.toString(), after.toString());
            }
        }
        return new Read(WorkingHours.of(periods), null, List.of());
    }

    /** The hours as stored and shown: {@code 09:00-13:00, 14:00-18:00}, empty for none. */
    static String text(WorkingHours hours) {
        return hours.periods().stream().map(WorkingPeriod::toString).collect(Collectors.joining(", "));
    }

    /** 00:00–23:59, and 24:00 as an end; null for anything else. */
    private static LocalTime time(String hours, String minutes, boolean end) {
        int h = Integer.parseInt(hours);
        int m = Integer.parseInt(minutes);
        if (end && h == 24 && m == 0) {
            return LocalTime.MIDNIGHT;
        }
        if (h > 23 || m > 59) {
            return null;
        }
        return LocalTime.of(h, m);
    }

    private static String shown(String piece) {
        return piece.replaceAll("\\s*[-–—]\\s*", "-");
    }

    private static Read problem(String code, Object... arguments) {
        return new Read(null, code, List.of(arguments));
    }
}
