package io.otklik.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/** The working hours of an ordinary week, per weekday; weekdays not given are days off. */
public final class WeeklyHours {

    private final Map<DayOfWeek, WorkingHours> days;

    private WeeklyHours(Map<DayOfWeek, WorkingHours> days) {
        EnumMap<DayOfWeek, WorkingHours> all = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            all.put(day, days.getOrDefault(day, WorkingHours.NONE));
        }
        this.days = all;
    }

    public static WeeklyHours of(Map<DayOfWeek, WorkingHours> days) {
        return new WeeklyHours(days);
    }

    /** The same hours Monday to Friday, weekends off. */
    public static WeeklyHours mondayToFriday(WorkingHours hours) {
        Map<DayOfWeek, WorkingHours> days = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day.getValue() <= DayOfWeek.FRIDAY.getValue()) {
                days.put(day, hours);
            }
        }
        return new WeeklyHours(days);
    }

    /** Round the clock, every day. */
    public static WeeklyHours allDay() {
        Map<DayOfWeek, WorkingHours> days = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            days.put(day, WorkingHours.ALL_DAY);
        }
        return new WeeklyHours(days);
    }

    /**
     * Reads groups separated by semicolons, each weekdays then periods:
     * {@code Mon-Fri 09:00-13:00,14:00-18:00; Sat 10:00-14:00}. Weekdays are English abbreviations, single or
     * ranges, joined by commas ({@code Mon,Wed,Fri}); {@code 24/7} is round the clock every day. A later group
     * replaces an earlier one's hours for the days it names.
     */
    public static WeeklyHours parse(String text) {
        String trimmed = Objects.requireNonNull(text, "text").strip();
        if (trimmed.equals("24/7")) {
            return allDay();
        }
        Map<DayOfWeek, WorkingHours> days = new EnumMap<>(DayOfWeek.class);
        for (String group : trimmed.split(";")) {
            String[] parts = group.strip().split("\\s+", 2);
            if (parts.length != 2) {
                throw new IllegalArgumentException("Expected weekdays then working periods, like 'Mon-Fri "
                        + "09:00-18:00', got '" + group.strip() + "'");
            }
            WorkingHours hours = WorkingHours.parse(parts[1]);
            for (DayOfWeek day : weekdays(parts[0])) {
                days.put(day, hours);
            }
        }
        return new WeeklyHours(days);
    }

    private static List<DayOfWeek> weekdays(String text) {
        List<DayOfWeek> result = new ArrayList<>();
        for (String item : text.split(",")) {
            String[] range = item.strip().split("-");
            if (range.length == 1) {
                result.add(weekday(range[0]));
            } else if (range.length == 2) {
                DayOfWeek from = weekday(range[0]);
                DayOfWeek to = weekday(range[1]);
                for (DayOfWeek day = from; ; day = day.plus(1)) {
                    result.add(day);
                    if (day == to) {
                        break;
                    }
                }
            } else {
                throw new IllegalArgumentException("Not weekdays: '" + item + "'");
            }
        }
        return result;
    }

    static DayOfWeek weekday(String text) {
        String name = text.strip().toUpperCase(Locale.ROOT);
        for (DayOfWeek day : DayOfWeek.values()) {
            if (name.length() >= 2 && day.name().startsWith(name)) {
                return day;
            }
        }
        throw new IllegalArgumentException("Not a weekday: '" + text + "' (use Mon, Tue, Wed, Thu, Fri, Sat, Sun)");
    }

    public WorkingHours on(DayOfWeek day) {
        return days.get(day);
    }

    /** Working time of a whole ordinary week on the wall clock. */
    public Duration total() {
        return days.values().stream().map(WorkingHours::total).reduce(Duration.ZERO, Duration::plus);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WeeklyHours week && week.days.equals(days);
    }

    @Override
    public int hashCode() {
        return days.hashCode();
    }

    @Override
    public String toString() {
        return days.entrySet().stream().filter(e -> !e.getValue().isDayOff())
                .map(e -> e.getKey().name().charAt(0) + e.getKey().name().substring(1, 3).toLowerCase(Locale.ROOT)
                        + " " + e.getValue())
                .collect(Collectors.joining("; "));
    }
}
