package io.otklik.sla;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * Reads days off from an iCalendar file (RFC 5545), as published for public holidays: every all-day event
 * ({@code DTSTART;VALUE=DATE:20260101}) is a day off, from its start up to its exclusive {@code DTEND} (one day
 * when it has none). Events with a time of day, and cancelled events, are not days off. A yearly repetition
 * ({@code RRULE:FREQ=YEARLY}, with COUNT or UNTIL, else up to {@code lastYear}) is expanded, minus its
 * {@code EXDATE}s; other repetitions are refused, since guessing them would put holidays on wrong dates.
 */
public final class IcsHolidays {

    private static final DateTimeFormatter BASIC_DATE = DateTimeFormatter.BASIC_ISO_DATE;

    private IcsHolidays() {
    }

    /**
     * The file's all-day events as a holiday calendar named {@code name}.
     *
     * @param lastYear the last year to which a yearly event without COUNT or UNTIL is repeated
     * @throws IllegalArgumentException naming the event that cannot be read
     */
    public static HolidayCalendar parse(String name, String ics, int lastYear) {
        HolidayCalendar.Builder builder = HolidayCalendar.builder(name);
        read("Calendar '" + name + "', event", ics, lastYear, (date, summary) -> builder.dayOff(date));
        return builder.build();
    }

    /**
     * The days off of the file's all-day events, each with the summary of the first event that gives it (empty when
     * it has none), in order of date.
     *
     * @param lastYear the last year to which a yearly event without COUNT or UNTIL is repeated
     * @throws IllegalArgumentException naming the event that cannot be read
     */
    public static List<Holiday> holidays(String ics, int lastYear) {
        TreeMap<LocalDate, String> found = new TreeMap<>();
        read("Event", ics, lastYear, found::putIfAbsent);
        return found.entrySet().stream().map(e -> new Holiday(e.getKey(), e.getValue())).toList();
    }

    /** A day off from an iCalendar file and what its event was called. */
    public record Holiday(LocalDate date, String summary) {
    }

    private static void read(String where, String ics, int lastYear,
            BiConsumer<LocalDate, String> dayOff) {
        Map<String, List<Property>> event = null;
        int eventLine = 0;
        List<String> lines = unfold(ics);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            Property property = Property.of(line);
            if (property.name.equals("BEGIN") && property.value.equalsIgnoreCase("VEVENT")) {
                event = new HashMap<>();
                eventLine = i + 1;
            } else if (property.name.equals("END") && property.value.equalsIgnoreCase("VEVENT") && event != null) {
                try {
                    Property summary = first(event, "SUMMARY");
                    String text = summary == null ? "" : unescape(summary.value);
                    daysOff(event, lastYear).stream().sorted().forEach(date -> dayOff.accept(date, text));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(where + " starting on line " + eventLine + ": "
                            + e.getMessage(), e);
                }
                event = null;
            } else if (event != null) {
                event.computeIfAbsent(property.name, k -> new ArrayList<>()).add(property);
            }
        }
    }

    /** A TEXT value as written: {@code \,} {@code \;} {@code \\} unescaped, line breaks as spaces. */
    private static String unescape(String text) {
        StringBuilder result = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char next = text.charAt(++i);
                result.append(next == 'n' || next == 'N' ? ' ' : next);
            } else {
                result.append(c);
            }
        }
        return result.toString().strip();
    }

    private static Set<LocalDate> daysOff(Map<String, List<Property>> event, int lastYear) {
        Set<LocalDate> days = new HashSet<>();
        Property start = first(event, "DTSTART");
        if (start == null || !start.isDate()) {
            return days;
        }
        Property status = first(event, "STATUS");
        if (status != null && status.value.equalsIgnoreCase("CANCELLED")) {
            return days;
        }
        LocalDate from = start.date();
        Property endProperty = first(event, "DTEND");
        long length = endProperty == null ? 1 : Math.max(1, endProperty.date().toEpochDay() - from.toEpochDay());
        List<LocalDate> starts = new ArrayList<>();
        Property rule = first(event, "RRULE");
        if (rule == null) {
            starts.add(from);
        } else {
            starts.addAll(yearly(from, rule.value, lastYear));
        }
        Set<LocalDate> excluded = new HashSet<>();
        for (Property exdate : event.getOrDefault("EXDATE", List.of())) {
            for (String value : exdate.value.split(",")) {
                excluded.add(Property.date(value.strip()));
            }
        }
        for (LocalDate first : starts) {
            if (excluded.contains(first)) {
                continue;
            }
            for (long d = 0; d < length; d++) {
                days.add(first.plusDays(d));
            }
        }
        return days;
    }

    private static List<LocalDate> yearly(LocalDate from, String rule, int lastYear) {
        Map<String, String> parts = new HashMap<>();
        for (String part : rule.split(";")) {
            String[] pair = part.split("=", 2);
            parts.put(pair[0].toUpperCase(Locale.ROOT), pair.length > 1 ? pair[1] : "");
        }
        if (!"YEARLY".equalsIgnoreCase(parts.remove("FREQ")) || !"1".equals(parts.getOrDefault("INTERVAL", "1"))
                || parts.keySet().stream().anyMatch(k -> !k.equals("INTERVAL") && !k.equals("COUNT")
                        && !k.equals("UNTIL"))) {
            throw new IllegalArgumentException("only a plain yearly repetition is understood, not RRULE:" + rule);
        }
        long count = parts.containsKey("COUNT") ? Long.parseLong(parts.get("COUNT")) : Long.MAX_VALUE;
        LocalDate until = parts.containsKey("UNTIL") ? Property.date(parts.get("UNTIL"))
                : LocalDate.of(lastYear, 12, 31);
        List<LocalDate> dates = new ArrayList<>();
        for (int year = from.getYear(); dates.size() < count; year++) {
            LocalDate date = from.withYear(year);
            if (date.isAfter(until)) {
                break;
            }
            if (date.getDayOfMonth() == from.getDayOfMonth()) {
                dates.add(date);
            }
        }
        return dates;
    }

    private static Property first(Map<String, List<Property>> event, String name) {
        List<Property> found = event.get(name);
        return found == null || found.isEmpty() ? null : found.getFirst();
    }

    /** Joins folded lines (a line starting with a space or tab continues the one before). */
    private static List<String> unfold(String ics) {
        List<String> lines = new ArrayList<>();
        for (String raw : ics.split("\\r?\\n|\\r")) {
            if (!raw.isEmpty() && (raw.charAt(0) == ' ' || raw.charAt(0) == '\t') && !lines.isEmpty()) {
                lines.set(lines.size() - 1, lines.getLast() + raw.substring(1));
            } else {
                lines.add(raw);
            }
        }
        return lines;
    }

    /** One content line: NAME;PARAM=VALUE:value. */
    private record Property(String name, Map<String, String> parameters, String value) {

        static Property of(String line) {
            int colon = valueStart(line);
            String head = colon < 0 ? line : line.substring(0, colon);
            String value = colon < 0 ? "" : line.substring(colon + 1).strip();
            String[] parts = head.split(";");
            Map<String, String> parameters = new HashMap<>();
            for (int i = 1; i < parts.length; i++) {
                String[] pair = parts[i].split("=", 2);
                parameters.put(pair[0].toUpperCase(Locale.ROOT), pair.length > 1 ? pair[1] : "");
            }
            return new Property(parts[0].strip().toUpperCase(Locale.ROOT), parameters, value);
        }

        /** The colon that ends the name and parameters (a quoted parameter value may hold colons). */
        private static int valueStart(String line) {
            boolean quoted = false;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (c == '"') {
                    quoted = !quoted;
                } else if (c == ':' && !quoted) {
                    return i;
                }
            }
            return -1;
        }

        boolean isDate() {
            return "DATE".equalsIgnoreCase(parameters.get("VALUE")) || value.length() == 8;
        }

        LocalDate date() {
            return date(value);
        }

        static LocalDate date(String text) {
            try {
                return LocalDate.parse(text.length() > 8 ? text.substring(0, 8) : text, BASIC_DATE);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("not a date like 20260101: " + text, e);
            }
        }
    }
}
