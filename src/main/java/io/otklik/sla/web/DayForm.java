package io.otklik.sla.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import io.otklik.sla.CalendarDay;

/**
 * The form that enters a dated holiday or working day. Kept as typed, so that a date or kind that cannot be read is
 * reported next to its field rather than refused by binding.
 */
record DayForm(String date, String kind, String hours, String note) {

    static DayForm blank() {
        return new DayForm("", CalendarDay.Kind.HOLIDAY.name(), "", "");
    }

    /** The date, or null when there is none or it cannot be read. */
    LocalDate dateOrNull() {
        try {
            return date == null || date.isBlank() ? null : LocalDate.parse(date.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    boolean dateUnreadable() {
        return date != null && !date.isBlank() && dateOrNull() == null;
    }

    CalendarDay.Kind kindOrNull() {
        for (CalendarDay.Kind k : CalendarDay.Kind.values()) {
            if (k.name().equals(kind)) {
                return k;
            }
        }
        return null;
    }

    CalendarDay day() {
        return new CalendarDay(dateOrNull(), kindOrNull(), hours, note);
    }
}
