package io.otklik.sla;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;

/**
 * When a support team works: a time zone, the hours of an ordinary week and the dates that differ (holidays,
 * transferred working days, shortened days, or any date given its own hours). Hours are wall-clock times in the
 * calendar's zone. Immutable; {@link BusinessTime} counts working time over it.
 */
public final class BusinessCalendar {

    private final ZoneId zone;
    private final WeeklyHours week;
    private final HolidayCalendar holidays;
    private final NavigableMap<LocalDate, WorkingHours> specialDays;

    private final WorkingHours[] weekdayHours = new WorkingHours[7];
    private final long[] specialEpochDays;
    private final WorkingHours[] specialHours;

    private BusinessCalendar(ZoneId zone, WeeklyHours week, HolidayCalendar holidays,
            NavigableMap<LocalDate, WorkingHours> specialDays) {
        this.zone = Objects.requireNonNull(zone, "zone");
        this.week = Objects.requireNonNull(week, "week");
        this.holidays = Objects.requireNonNull(holidays, "holidays");
        if (week.total().isZero()) {
            throw new IllegalArgumentException("A business calendar needs working hours in its ordinary week");
        }
        this.specialDays = Collections.unmodifiableNavigableMap(specialDays);
        for (DayOfWeek day : DayOfWeek.values()) {
            weekdayHours[day.ordinal()] = week.on(day);
        }
        this.specialEpochDays = new long[specialDays.size()];
        this.specialHours = new WorkingHours[specialDays.size()];
        int i = 0;
        for (Map.Entry<LocalDate, WorkingHours> entry : specialDays.entrySet()) {
            specialEpochDays[i] = entry.getKey().toEpochDay();
            specialHours[i] = entry.getValue();
            i++;
        }
    }

    /**
     * An ordinary week with a production calendar laid over it: its days off have no hours, its transferred working
     * days the hours of the weekday they stand in for, its shortened days their usual hours cut at the end.
     */
    public static BusinessCalendar of(ZoneId zone, WeeklyHours week, HolidayCalendar holidays) {
        NavigableMap<LocalDate, WorkingHours> special = new TreeMap<>();
        holidays.daysOff().forEach(date -> special.put(date, WorkingHours.NONE));
        holidays.workingDays().forEach((date, as) -> special.put(date, week.on(as)));
        holidays.shortenedDays().forEach((date, by) -> special.put(date,
                special.getOrDefault(date, week.on(date.getDayOfWeek())).shortenedBy(by)));
        return new BusinessCalendar(zone, week, holidays, special);
    }

    /** An ordinary week in the zone, no holidays. */
    public static BusinessCalendar of(ZoneId zone, WeeklyHours week) {
        return of(zone, week, HolidayCalendar.NONE);
    }

    /** Round the clock, every day of the year (24/7 support): working time is real time. */
    public static BusinessCalendar allDay(ZoneId zone) {
        return of(zone, WeeklyHours.allDay(), HolidayCalendar.NONE);
    }

    /** This calendar with one date given its own hours ({@link WorkingHours#NONE} for a day off). */
    public BusinessCalendar withHours(LocalDate date, WorkingHours hours) {
        NavigableMap<LocalDate, WorkingHours> special = new TreeMap<>(specialDays);
        special.put(date, Objects.requireNonNull(hours, "hours"));
        return new BusinessCalendar(zone, week, holidays, special);
    }

    /** This calendar with each of the given dates given its own hours, replacing whatever the date had. */
    public BusinessCalendar withHours(Map<LocalDate, WorkingHours> dates) {
        if (dates.isEmpty()) {
            return this;
        }
        NavigableMap<LocalDate, WorkingHours> special = new TreeMap<>(specialDays);
        dates.forEach((date, hours) -> special.put(date, Objects.requireNonNull(hours, "hours")));
        return new BusinessCalendar(zone, week, holidays, special);
    }

    /** This calendar in another zone (the same wall-clock hours there). */
    public BusinessCalendar withZone(ZoneId other) {
        return new BusinessCalendar(other, week, holidays, new TreeMap<>(specialDays));
    }

    public ZoneId zone() {
        return zone;
    }

    public WeeklyHours week() {
        return week;
    }

    public HolidayCalendar holidays() {
        return holidays;
    }

    /** The dates whose hours differ from their weekday's, with their hours. */
    public NavigableMap<LocalDate, WorkingHours> specialDays() {
        return specialDays;
    }

    /** The working hours of a date (wall clock, in the calendar's zone). */
    public WorkingHours hoursOn(LocalDate date) {
        return hoursOn(date.toEpochDay());
    }

    WorkingHours hoursOn(long epochDay) {
        int at = java.util.Arrays.binarySearch(specialEpochDays, epochDay);
        return at >= 0 ? specialHours[at] : weekdayHours[weekdayIndex(epochDay)];
    }

    WorkingHours weekdayHours(long epochDay) {
        return weekdayHours[weekdayIndex(epochDay)];
    }

    /** Monday 0 … Sunday 6; day 0 of the epoch, 1970-01-01, was a Thursday. */
    static int weekdayIndex(long epochDay) {
        return (int) Math.floorMod(epochDay + 3, 7L);
    }

    long[] specialEpochDays() {
        return specialEpochDays;
    }

    WorkingHours specialHours(int index) {
        return specialHours[index];
    }

    @Override
    public String toString() {
        return "BusinessCalendar[" + zone + ", " + week + ", " + holidays.name() + ", " + specialDays.size()
                + " special days]";
    }
}
