package io.otklik.sla;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A date of a calendar that differs from its ordinary week, as an administrator enters it: a holiday, or a working
 * day with its hours (a transferred working Saturday, a shortened pre-holiday day), with a note saying why. It takes
 * precedence over the production calendar. {@code hours} is text as {@link #problems()} explains.
 */
public record CalendarDay(LocalDate date, Kind kind, String hours, String note) {

    public static final int MAX_NOTE = 500;

    /** What the date is. */
    public enum Kind {
        /** No work that day. */
        HOLIDAY,
        /** Worked, with the hours given. */
        WORKING
    }

    public CalendarDay {
        hours = hours == null ? "" : hours.strip();
        note = note == null ? "" : note.strip();
    }

    public static CalendarDay holiday(LocalDate date, String note) {
        return new CalendarDay(date, Kind.HOLIDAY, "", note);
    }

    public static CalendarDay working(LocalDate date, WorkingHours hours, String note) {
        return new CalendarDay(date, Kind.WORKING, HoursText.text(hours), note);
    }

    /**
     * What is wrong, each with its field ({@code date}, {@code kind}, {@code hours}, {@code note}): a date and a kind
     * are needed; a working day needs hours like {@code 09:00-17:00} (several separated by commas, not overlapping),
     * a holiday has none.
     */
    public List<CalendarProblem> problems() {
        List<CalendarProblem> problems = new ArrayList<>();
        if (date == null) {
            problems.add(new CalendarProblem("date", "calendar.day.date-required"));
        } else if (date.getYear() < 1900 || date.getYear() > 2999) {
            problems.add(new CalendarProblem("date", "calendar.day.date-range"));
        }
        if (kind == null) {
            problems.add(new CalendarProblem("kind", "calendar.day.kind-required"));
        } else if (kind == Kind.HOLIDAY && !hours.isEmpty()) {
            problems.add(new CalendarProblem("hours", "calendar.day.holiday-hours"));
        } else if (kind == Kind.WORKING) {
            HoursText.Read read = HoursText.read(hours);
            if (!read.ok()) {
                problems.add(read.problem("hours"));
            } else if (read.hours().isDayOff()) {
                problems.add(new CalendarProblem("hours", "calendar.day.hours-required"));
            }
        }
        if (note.length() > MAX_NOTE) {
            problems.add(new CalendarProblem("note", "calendar.too-long", MAX_NOTE));
        }
        return problems;
    }

    /** The hours worked that date: none on a holiday. Only for a day without problems. */
    public WorkingHours workingHours() {
        return kind == Kind.HOLIDAY ? WorkingHours.NONE : HoursText.read(hours).hours();
    }

    /** The same entry with its hours written the way they are stored (sorted, {@code 09:00-13:00, 14:00-18:00}). */
    CalendarDay normalized() {
        return kind == Kind.WORKING ? new CalendarDay(date, kind, HoursText.text(workingHours()), note) : this;
    }
}
