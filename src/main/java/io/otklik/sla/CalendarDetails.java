package io.otklik.sla;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A business calendar's settings as an administrator writes them: its name, time zone, whether it runs round the
 * clock, the working hours of each weekday as text (Monday first, e.g. {@code 09:00-13:00, 14:00-18:00}; empty for a
 * day off) and the shipped production calendar laid over it ({@code ru}; empty for none). Its dated entries are
 * kept apart ({@link CalendarDay}). {@link #problems()} tells what is wrong without looking anything up.
 */
public record CalendarDetails(String name, String zone, boolean roundTheClock, List<String> hours, String country) {

    public static final int MAX_NAME = 200;

    public CalendarDetails {
        name = name == null ? "" : name.strip();
        zone = zone == null ? "" : zone.strip();
        List<String> week = new ArrayList<>(hours == null ? List.of() : hours);
        week.replaceAll(text -> text == null ? "" : text.strip());
        while (week.size() < 7) {
            week.add("");
        }
        hours = Collections.unmodifiableList(week.subList(0, 7));
        country = country == null ? "" : country.strip();
    }

    /** The settings of a calendar with these hours. */
    public static CalendarDetails of(String name, ZoneId zone, boolean roundTheClock, WeeklyHours week,
            String country) {
        List<String> hours = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            hours.add(HoursText.text(week.on(day)));
        }
        return new CalendarDetails(name, zone.getId(), roundTheClock, hours, country);
    }

    /**
     * What is wrong, each with its field: {@code name}, {@code zone}, {@code hours[i]} (0 for Monday), {@code hours}
     * (the week as a whole), {@code country}. Whether the name is free and the production calendar exists is for the
     * caller to check.
     */
    public List<CalendarProblem> problems() {
        List<CalendarProblem> problems = new ArrayList<>();
        if (name.isEmpty()) {
            problems.add(new CalendarProblem("name", "calendar.name-required"));
        } else if (name.length() > MAX_NAME) {
            problems.add(new CalendarProblem("name", "calendar.too-long", MAX_NAME));
        }
        if (zone.isEmpty()) {
            problems.add(new CalendarProblem("zone", "calendar.zone-required"));
        } else if (zoneOrNull() == null) {
            problems.add(new CalendarProblem("zone", "calendar.zone-unknown", zone));
        }
        boolean anyHours = false;
        boolean readable = true;
        for (int i = 0; i < 7; i++) {
            HoursText.Read read = HoursText.read(hours.get(i));
            if (!read.ok()) {
                problems.add(read.problem("hours[" + i + "]"));
                readable = false;
            } else if (!read.hours().isDayOff()) {
                anyHours = true;
            }
        }
        if (readable && !anyHours && !roundTheClock) {
            problems.add(new CalendarProblem("hours", "calendar.hours.none"));
        }
        return problems;
    }

    /** Only for settings without problems. */
    public ZoneId zoneId() {
        return ZoneId.of(zone);
    }

    /** The ordinary week as written (also when the calendar runs round the clock). Only without problems. */
    public WeeklyHours week() {
        Map<DayOfWeek, WorkingHours> days = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            days.put(day, HoursText.read(hours.get(day.ordinal())).hours());
        }
        return WeeklyHours.of(days);
    }

    /** The production calendar's name, or null for none. */
    public String countryOrNull() {
        return country.isEmpty() ? null : country;
    }

    private ZoneId zoneOrNull() {
        try {
            return ZoneId.of(zone);
        } catch (DateTimeException e) {
            return null;
        }
    }
}
