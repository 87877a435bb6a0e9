package io.otklik.sla;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The business calendars in use. For now one, the standard calendar from configuration ({@code otklik.sla.*}); the
 * production calendars shipped with Otklik live under {@code sla/calendars/<name>/<year>.txt}.
 */
@Component
public class BusinessCalendars {

    static final String SHIPPED = "classpath*:sla/calendars/";

    /** How many years ahead a yearly event of an imported .ics file is repeated. */
    private static final int ICS_YEARS_AHEAD = 10;

    private static final Logger log = LoggerFactory.getLogger(BusinessCalendars.class);

    private final BusinessCalendar standard;
    private final BusinessTime standardTime;

    BusinessCalendars(SlaProperties properties, ResourcePatternResolver resources, Clock clock) {
        int thisYear = LocalDate.now(clock.withZone(properties.timeZone())).getYear();
        HolidayCalendar holidays = HolidayCalendar.NONE;
        for (String source : properties.holidays()) {
            holidays = holidays.and(holidays(source.strip(), resources, thisYear));
        }
        this.standard = BusinessCalendar.of(properties.timeZone(), WeeklyHours.parse(properties.workingHours()),
                holidays);
        this.standardTime = new BusinessTime(standard);
        if (!holidays.years().isEmpty() || !holidays.daysOff().isEmpty()) {
            for (int year = thisYear; year <= thisYear + 1; year++) {
                if (!holidays.years().contains(year)) {
                    log.warn("The holiday calendar ({}) has no dates for {}: business time counts that year's "
                            + "holidays as working days. Add the year's calendar.", holidays.name(), year);
                } else if (holidays.provisionalYears().contains(year)) {
                    log.info("The holiday calendar ({}) for {} is provisional: update it when the year's decree "
                            + "is out.", holidays.name(), year);
                }
            }
        }
        log.info("Business calendar: {}", standard);
    }

    /** The support team's calendar: configured zone, working hours and holidays. */
    public BusinessCalendar standard() {
        return standard;
    }

    /** Business time over the {@link #standard()} calendar. */
    public BusinessTime standardTime() {
        return standardTime;
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

    private static HolidayCalendar holidays(String source, ResourcePatternResolver resources, int thisYear) {
        String lower = source.toLowerCase(Locale.ROOT);
        if (lower.isEmpty() || lower.equals("none")) {
            return HolidayCalendar.NONE;
        }
        if (lower.endsWith(".ics")) {
            return IcsHolidays.parse(source, read(resources.getResource(source)), thisYear + ICS_YEARS_AHEAD);
        }
        if (lower.endsWith(".txt")) {
            return HolidayCalendar.parse(source, read(resources.getResource(source)));
        }
        return shipped(source, resources);
    }

    private static String read(Resource resource) {
        try {
            return resource.getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the holiday calendar " + resource.getDescription(), e);
        }
    }
}
