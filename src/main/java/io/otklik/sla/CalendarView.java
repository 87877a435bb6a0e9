package io.otklik.sla;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A business calendar as kept: its settings, whether it is the default one, and its dated entries in order of
 * date. {@code country} is the shipped production calendar laid over it, or null.
 */
public record CalendarView(BusinessCalendarId id, String name, ZoneId zone, boolean roundTheClock, WeeklyHours week,
        String country, boolean isDefault, List<CalendarDay> days, Instant createdAt, Instant updatedAt) {

    public CalendarView {
        days = List.copyOf(days);
    }

    /** The settings, as the form shows them. */
    public CalendarDetails details() {
        return CalendarDetails.of(name, zone, roundTheClock, week, country == null ? "" : country);
    }

    /** Weekdays that follow each other with the same hours, as one line each: Mon–Fri 09:00-18:00. */
    public List<WeekGroup> weekSummary() {
        List<WeekGroup> groups = new ArrayList<>();
        DayOfWeek first = null;
        WorkingHours hours = null;
        for (DayOfWeek day : DayOfWeek.values()) {
            WorkingHours on = week.on(day);
            if (first != null && !on.equals(hours)) {
                groups.add(new WeekGroup(first, day.minus(1), HoursText.text(hours)));
                first = null;
            }
            if (first == null && !on.isDayOff()) {
                first = day;
                hours = on;
            }
        }
        if (first != null) {
            groups.add(new WeekGroup(first, DayOfWeek.SUNDAY, HoursText.text(hours)));
        }
        return groups;
    }

    /** Weekdays {@code from} to {@code to} (the same day for one) working {@code hours}. */
    public record WeekGroup(DayOfWeek from, DayOfWeek to, String hours) {

        public boolean single() {
            return from == to;
        }
    }

    /**
     * The calendar business time is counted on: its week (round the clock when it says so), the production calendar
     * laid over it, then its own dated entries, which take precedence.
     */
    BusinessCalendar calendar(HolidayCalendar countryHolidays) {
        BusinessCalendar base = BusinessCalendar.of(zone, roundTheClock ? WeeklyHours.allDay() : week,
                countryHolidays);
        Map<LocalDate, WorkingHours> own = new LinkedHashMap<>();
        for (CalendarDay day : days) {
            own.put(day.date(), day.workingHours());
        }
        return base.withHours(own);
    }
}
