package io.otklik.sla;

import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One month of a calendar, day by day: its working hours, the working time they give (real time, so a day when the
 * clocks change may give an hour more or less), and why the day is as it is.
 */
public record CalendarMonth(YearMonth month, ZoneId zone, List<Day> days) {

    public CalendarMonth {
        days = List.copyOf(days);
    }

    /** Why a day has its hours. */
    public enum Reason {
        /** An ordinary working day of the week. */
        WORKDAY,
        /** A weekday without hours in the week. */
        WEEKEND,
        /** A day off of the production calendar. */
        HOLIDAY,
        /** A weekend date the production calendar makes a working day. */
        TRANSFERRED,
        /** A working day the production calendar shortens (before a public holiday). */
        SHORTENED,
        /** A holiday entered in this calendar. */
        OWN_HOLIDAY,
        /** A working day entered in this calendar. */
        OWN_WORKING_DAY
    }

    /** A date, its working hours on the wall clock, the working time in it, why, and the entry's note if any. */
    public record Day(LocalDate date, WorkingHours hours, Duration workingTime, Reason reason, String note) {

        public boolean working() {
            return !workingTime.isZero();
        }

        public String hoursText() {
            return HoursText.text(hours);
        }
    }

    /** Working days in the month. */
    public long workingDays() {
        return days.stream().filter(Day::working).count();
    }

    /** Working time in the month. */
    public Duration workingTime() {
        return days.stream().map(Day::workingTime).reduce(Duration.ZERO, Duration::plus);
    }

    static CalendarMonth of(CalendarView view, HolidayCalendar country, BusinessTime time, YearMonth month) {
        BusinessCalendar calendar = time.calendar();
        Map<LocalDate, CalendarDay> own = new HashMap<>();
        view.days().forEach(day -> own.put(day.date(), day));
        List<Day> days = new ArrayList<>();
        for (LocalDate date = month.atDay(1); !date.isAfter(month.atEndOfMonth()); date = date.plusDays(1)) {
            WorkingHours hours = calendar.hoursOn(date);
            Duration worked = time.between(date.atStartOfDay(view.zone()).toInstant(),
                    date.plusDays(1).atStartOfDay(view.zone()).toInstant());
            CalendarDay entry = own.get(date);
            Reason reason;
            String note = "";
            if (entry != null) {
                reason = entry.kind() == CalendarDay.Kind.HOLIDAY ? Reason.OWN_HOLIDAY : Reason.OWN_WORKING_DAY;
                note = entry.note();
            } else if (country.isDayOff(date)) {
                reason = Reason.HOLIDAY;
            } else if (country.workingDays().containsKey(date)) {
                reason = Reason.TRANSFERRED;
            } else if (country.shortenedDays().containsKey(date) && !hours.isDayOff()) {
                reason = Reason.SHORTENED;
            } else {
                reason = hours.isDayOff() ? Reason.WEEKEND : Reason.WORKDAY;
            }
            days.add(new Day(date, hours, worked, reason, note));
        }
        return new CalendarMonth(month, view.zone(), days);
    }
}
