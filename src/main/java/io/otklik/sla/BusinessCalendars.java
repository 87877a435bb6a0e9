package io.otklik.sla;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.otklik.shared.NotFoundException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The business calendars administrators keep (see {@link CalendarAdministration}), ready to count on: by id, and the
 * default one, which service levels use unless told otherwise. On first start the default calendar is made from
 * the {@code otklik.sla.*} settings.
 *
 * <p>Calendars are kept in memory once read. A change saved on this node is seen from its commit on; one saved on
 * another node within {@code otklik.sla.calendar-refresh-interval} (2 s unless set), when this node next compares
 * the calendars' revision in the database with the one it read them at. The production calendars shipped with
 * Otklik live under {@code sla/calendars/<name>/<year>.txt}.
 */
@Component
public class BusinessCalendars {

    static final String SHIPPED = "classpath*:sla/calendars/";

    private static final Logger log = LoggerFactory.getLogger(BusinessCalendars.class);

    private final CalendarRows rows;
    private final ShippedHolidays shipped;
    private final CalendarFromSettings first;
    /** The calendars as of one revision, each read when first asked for. */
    private final RevisionedCopy<CalendarRows.State, Map<BusinessCalendarId, BusinessTime>> copy;

    BusinessCalendars(CalendarRows rows, ShippedHolidays shipped, CalendarFromSettings first,
            @Value("${otklik.sla.calendar-refresh-interval:2s}") Duration refreshInterval) {
        this.rows = rows;
        this.shipped = shipped;
        this.first = first;
        this.copy = new RevisionedCopy<>(this::state, CalendarRows.State::revision,
                state -> new ConcurrentHashMap<>(), refreshInterval);
    }

    /** The default calendar. */
    public BusinessCalendar standard() {
        return standardTime().calendar();
    }

    /** Business time over the default calendar. */
    public BusinessTime standardTime() {
        return time(copy.current().state().defaultCalendar());
    }

    /** Which calendar is the default one. */
    public BusinessCalendarId standardId() {
        return copy.current().state().defaultCalendar();
    }

    /**
     * A calendar by its id.
     *
     * @throws NotFoundException when there is no such calendar
     */
    public BusinessCalendar calendar(BusinessCalendarId id) {
        return time(id).calendar();
    }

    /**
     * Business time over a calendar.
     *
     * @throws NotFoundException when there is no such calendar
     */
    public BusinessTime time(BusinessCalendarId id) {
        Map<BusinessCalendarId, BusinessTime> calendars = copy.current().value();
        BusinessTime time = calendars.get(id);
        if (time == null) {
            time = load(id);
            BusinessTime other = calendars.putIfAbsent(id, time);
            if (other != null) {
                time = other;
            }
        }
        return time;
    }

    /** Every calendar's name by id, read from the database (for showing which calendar a clock counts on). */
    public Map<BusinessCalendarId, String> names() {
        return rows.names();
    }

    /** Forgets the calendars in memory once the current transaction commits (at once outside one). */
    void changed() {
        copy.changed();
    }

    /** The state row (which calendar is the default, the revision); made with the default calendar on first use. */
    private CalendarRows.State state() {
        return rows.state().orElseGet(() -> {
            first.ensure();
            return rows.state().orElseThrow(() -> new IllegalStateException("No default business calendar"));
        });
    }

    private BusinessTime load(BusinessCalendarId id) {
        CalendarView view = rows.one(id).orElseThrow(() -> new NotFoundException("calendar.not-found", id.value()));
        return new BusinessTime(view.calendar(countryHolidays(view)));
    }

    /** The production calendar a calendar lays over its week; none, with a warning, when it is no longer shipped. */
    HolidayCalendar countryHolidays(CalendarView view) {
        if (view.country() == null) {
            return HolidayCalendar.NONE;
        }
        if (!shipped.exists(view.country())) {
            log.warn("Business calendar \"{}\" uses the production calendar '{}', which this release does not ship; "
                    + "counting without its holidays", view.name(), view.country());
            return HolidayCalendar.NONE;
        }
        return shipped.get(view.country());
    }

    /** A production calendar shipped with Otklik, e.g. {@code ru}, with every year it has. */
    static HolidayCalendar shipped(String name, ResourcePatternResolver resources) {
        Resource[] files;
        try {
            files = resources.getResources(SHIPPED + name + "/*.txt");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (files.length == 0) {
            throw new IllegalStateException("No holiday calendar named '" + name + "' is shipped; give 'ru', "
                    + "'none', or the location of a .ics or .txt calendar file");
        }
        HolidayCalendar calendar = null;
        Arrays.sort(files, Comparator.comparing(Resource::getFilename));
        for (Resource file : files) {
            HolidayCalendar year = HolidayCalendar.parse(name, read(file));
            calendar = calendar == null ? year : calendar.and(year);
        }
        return calendar;
    }

    static String read(Resource resource) {
        try {
            return resource.getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the holiday calendar " + resource.getDescription(), e);
        }
    }
}
