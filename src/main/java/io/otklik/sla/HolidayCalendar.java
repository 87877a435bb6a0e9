package io.otklik.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.Locale;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A production calendar: the dates that differ from an ordinary week. Days off (public holidays and the days off
 * moved onto weekdays), transferred working days (usually a Saturday that is worked, with the hours of the weekday
 * it stands in for) and shortened pre-holiday days. It says nothing about hours; {@link BusinessCalendar} lays it
 * over a week's {@link WeeklyHours}.
 *
 * <p>Its text form, one entry a line ({@code #} starts a comment):
 * <pre>
 * year 2026                 the year the file covers (several lines for several years)
 * provisional               the file's years are not final (no decree yet)
 * off 2026-01-01            a day off
 * off 2026-01-01..2026-01-08  every day of a range off
 * work 2025-11-01 as Mon    a weekend date worked with Monday's hours (also when "as" is left out)
 * short 2026-04-30          a working day shortened by one hour at its end
 * short 2026-04-30 30m      shortened by another time (m or h)
 * </pre>
 */
public final class HolidayCalendar {

    /** No holidays at all. */
    public static final HolidayCalendar NONE = builder("none").build();

    private static final Pattern SHORTENED_BY = Pattern.compile("(\\d+)\\s*([hm])");

    private final String name;
    private final NavigableSet<LocalDate> daysOff;
    private final NavigableMap<LocalDate, DayOfWeek> workingDays;
    private final NavigableMap<LocalDate, Duration> shortenedDays;
    private final NavigableSet<Integer> years;
    private final NavigableSet<Integer> provisionalYears;

    private HolidayCalendar(Builder builder) {
        this.name = builder.name;
        this.daysOff = Collections.unmodifiableNavigableSet(new TreeSet<>(builder.daysOff));
        this.workingDays = Collections.unmodifiableNavigableMap(new TreeMap<>(builder.workingDays));
        this.shortenedDays = Collections.unmodifiableNavigableMap(new TreeMap<>(builder.shortenedDays));
        this.years = Collections.unmodifiableNavigableSet(new TreeSet<>(builder.years));
        this.provisionalYears = Collections.unmodifiableNavigableSet(new TreeSet<>(builder.provisionalYears));
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    /**
     * Reads the text form (see the type's description).
     *
     * @throws IllegalArgumentException naming the line that is wrong
     */
    public static HolidayCalendar parse(String name, String text) {
        Builder builder = builder(name);
        TreeSet<Integer> declared = new TreeSet<>();
        boolean provisional = false;
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int comment = line.indexOf('#');
            String entry = (comment >= 0 ? line.substring(0, comment) : line).strip();
            if (entry.isEmpty()) {
                continue;
            }
            try {
                String[] words = entry.split("\\s+");
                switch (words[0].toLowerCase(Locale.ROOT)) {
                    case "year" -> {
                        expect(words, 2, 2);
                        declared.add(Integer.parseInt(words[1]));
                    }
                    case "provisional" -> {
                        expect(words, 1, 1);
                        provisional = true;
                    }
                    case "off" -> {
                        expect(words, 2, 2);
                        String[] range = words[1].split("\\.\\.");
                        LocalDate from = date(range[0]);
                        LocalDate to = range.length > 1 ? date(range[1]) : from;
                        if (range.length > 2 || to.isBefore(from)) {
                            throw new IllegalArgumentException("not a date range: " + words[1]);
                        }
                        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
                            builder.dayOff(day);
                        }
                    }
                    case "work" -> {
                        if (words.length == 4 && words[2].equalsIgnoreCase("as")) {
                            builder.workingDay(date(words[1]), WeeklyHours.weekday(words[3]));
                        } else {
                            expect(words, 2, 2);
                            builder.workingDay(date(words[1]), DayOfWeek.MONDAY);
                        }
                    }
                    case "short" -> {
                        expect(words, 2, 3);
                        Duration by = Duration.ofHours(1);
                        if (words.length == 3) {
                            Matcher m = SHORTENED_BY.matcher(words[2].toLowerCase(Locale.ROOT));
                            if (!m.matches()) {
                                throw new IllegalArgumentException("not a time like 1h or 30m: " + words[2]);
                            }
                            long amount = Long.parseLong(m.group(1));
                            by = m.group(2).equals("h") ? Duration.ofHours(amount) : Duration.ofMinutes(amount);
                        }
                        builder.shortened(date(words[1]), by);
                    }
                    default -> throw new IllegalArgumentException("unknown entry '" + words[0]
                            + "' (expected year, provisional, off, work or short)");
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Holiday calendar '" + name + "', line " + (i + 1) + ": "
                        + e.getMessage(), e);
            }
        }
        HolidayCalendar dates = builder.build();
        NavigableSet<Integer> covered = declared.isEmpty() ? dates.years : declared;
        for (int year : covered) {
            builder.year(year, provisional);
        }
        return builder.build();
    }

    private static void expect(String[] words, int min, int max) {
        if (words.length < min || words.length > max) {
            throw new IllegalArgumentException("unexpected words in '" + String.join(" ", words) + "'");
        }
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a date like 2026-01-01: " + text, e);
        }
    }

    public String name() {
        return name;
    }

    public NavigableSet<LocalDate> daysOff() {
        return daysOff;
    }

    /** Weekend dates that are worked, with the weekday whose hours they keep. */
    public NavigableMap<LocalDate, DayOfWeek> workingDays() {
        return workingDays;
    }

    /** Working days that end early, with how much earlier. */
    public NavigableMap<LocalDate, Duration> shortenedDays() {
        return shortenedDays;
    }

    /** The years this calendar has data for. */
    public NavigableSet<Integer> years() {
        return years;
    }

    /** The years whose data is not final yet. */
    public NavigableSet<Integer> provisionalYears() {
        return provisionalYears;
    }

    public boolean isDayOff(LocalDate date) {
        return daysOff.contains(date);
    }

    /** Both calendars' dates together; a date one calendar works and the other has off stays off. */
    public HolidayCalendar and(HolidayCalendar other) {
        if (other.isEmpty()) {
            return this;
        }
        if (isEmpty()) {
            return other;
        }
        Builder builder = builder(name.equals(other.name) ? name : name + "+" + other.name);
        for (HolidayCalendar calendar : new HolidayCalendar[] {this, other}) {
            calendar.daysOff.forEach(builder::dayOffOverriding);
            builder.years.addAll(calendar.years);
            builder.provisionalYears.addAll(calendar.provisionalYears);
        }
        for (HolidayCalendar calendar : new HolidayCalendar[] {this, other}) {
            calendar.workingDays.forEach((date, as) -> {
                if (!builder.daysOff.contains(date)) {
                    builder.workingDay(date, as);
                }
            });
            calendar.shortenedDays.forEach((date, by) -> {
                if (!builder.daysOff.contains(date)) {
                    builder.shortenedDays.merge(date, by, (a, b) -> a.compareTo(b) >= 0 ? a : b);
                }
            });
        }
        return builder.build();
    }

    private boolean isEmpty() {
        return daysOff.isEmpty() && workingDays.isEmpty() && shortenedDays.isEmpty() && years.isEmpty();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof HolidayCalendar calendar && calendar.daysOff.equals(daysOff)
                && calendar.workingDays.equals(workingDays) && calendar.shortenedDays.equals(shortenedDays);
    }

    @Override
    public int hashCode() {
        return Objects.hash(daysOff, workingDays, shortenedDays);
    }

    @Override
    public String toString() {
        return "HolidayCalendar[" + name + " " + years + ", " + daysOff.size() + " days off, " + workingDays.size()
                + " working days, " + shortenedDays.size() + " shortened days]";
    }

    /** Collects a calendar's dates; a date can be only one of off, worked or shortened. */
    public static final class Builder {

        private final String name;
        private final TreeSet<LocalDate> daysOff = new TreeSet<>();
        private final TreeMap<LocalDate, DayOfWeek> workingDays = new TreeMap<>();
        private final TreeMap<LocalDate, Duration> shortenedDays = new TreeMap<>();
        private final TreeSet<Integer> years = new TreeSet<>();
        private final TreeSet<Integer> provisionalYears = new TreeSet<>();

        private Builder(String name) {
            this.name = Objects.requireNonNull(name, "name");
        }

        public Builder dayOff(LocalDate date) {
            if (workingDays.containsKey(date) || shortenedDays.containsKey(date)) {
                throw new IllegalArgumentException(date + " cannot be a day off and a working day at once");
            }
            daysOff.add(date);
            years.add(date.getYear());
            return this;
        }

        private void dayOffOverriding(LocalDate date) {
            workingDays.remove(date);
            shortenedDays.remove(date);
            daysOff.add(date);
        }

        /** A date (usually a Saturday) that is worked with the hours of {@code hoursOf}. */
        public Builder workingDay(LocalDate date, DayOfWeek hoursOf) {
            if (daysOff.contains(date)) {
                throw new IllegalArgumentException(date + " cannot be a day off and a working day at once");
            }
            workingDays.put(date, Objects.requireNonNull(hoursOf, "hoursOf"));
            years.add(date.getYear());
            return this;
        }

        /** A working day that ends {@code by} earlier (a day before a public holiday ends an hour earlier). */
        public Builder shortened(LocalDate date, Duration by) {
            if (daysOff.contains(date)) {
                throw new IllegalArgumentException(date + " is a day off and cannot be shortened");
            }
            if (by.isNegative() || by.isZero()) {
                throw new IllegalArgumentException("A day is shortened by a positive time, not " + by);
            }
            shortenedDays.put(date, by);
            years.add(date.getYear());
            return this;
        }

        /** Marks a year as covered (its ordinary days are known to be ordinary), final or provisional. */
        public Builder year(int year, boolean provisional) {
            years.add(year);
            if (provisional) {
                provisionalYears.add(year);
            } else {
                provisionalYears.remove(year);
            }
            return this;
        }

        public HolidayCalendar build() {
            return new HolidayCalendar(this);
        }
    }
}
