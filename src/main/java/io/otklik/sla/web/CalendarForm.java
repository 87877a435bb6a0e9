package io.otklik.sla.web;

import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import io.otklik.sla.CalendarDetails;

/**
 * The form of a calendar's settings: name, time zone, round the clock, the hours of each weekday as text (Monday
 * first) and the production calendar (empty for none).
 */
record CalendarForm(
        @NotBlank(message = "{calendar.name-required}")
        @Size(max = CalendarDetails.MAX_NAME, message = "{calendar.form.too-long}") String name,
        String zone,
        Boolean roundTheClock,
        List<String> hours,
        String country) {

    CalendarForm {
        hours = hours == null ? new ArrayList<>() : new ArrayList<>(hours);
        while (hours.size() < 7) {
            hours.add("");
        }
    }

    /** A new calendar: Moscow office hours and the Russian production calendar, as most teams start. */
    static CalendarForm blank(String zone, String country) {
        List<String> hours = new ArrayList<>();
        for (int day = 0; day < 7; day++) {
            hours.add(day < 5 ? "09:00-18:00" : "");
        }
        return new CalendarForm("", zone, false, hours, country);
    }

    static CalendarForm of(CalendarDetails details) {
        return new CalendarForm(details.name(), details.zone(), details.roundTheClock(), details.hours(),
                details.country());
    }

    CalendarDetails details() {
        return new CalendarDetails(name, zone, Boolean.TRUE.equals(roundTheClock), hours, country);
    }
}
