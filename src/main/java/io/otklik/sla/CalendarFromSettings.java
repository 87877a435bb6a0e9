package io.otklik.sla;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes the first business calendar, the default one, from the {@code otklik.sla.*} settings when there is none
 * (the first start, or the first start after an upgrade), so service levels are counted as before: the configured
 * zone and hours, the named production calendar, and the dates of configured {@code .ics} and {@code .txt} files
 * as the calendar's own entries. From then on administrators keep calendars on their page and the settings are not
 * read again. At every start it also warns when a production calendar in use has no dates for this year or the
 * next.
 */
@Component
@Order(10)
class CalendarFromSettings implements ApplicationRunner {

    /** How many years ahead a yearly event of an imported .ics file is repeated. */
    static final int ICS_YEARS_AHEAD = 10;

    private static final Logger log = LoggerFactory.getLogger(CalendarFromSettings.class);

    private final CalendarRows rows;
    private final SlaProperties properties;
    private final ShippedHolidays shipped;
    private final ResourcePatternResolver resources;
    private final MessageSource messages;
    private final Locale teamLanguage;
    private final TransactionTemplate transactions;
    private final Clock clock;

    CalendarFromSettings(CalendarRows rows, SlaProperties properties, ShippedHolidays shipped,
            ResourcePatternResolver resources, MessageSource messages,
            @Value("${otklik.team-language:ru}") String teamLanguage, PlatformTransactionManager transactions,
            Clock clock) {
        this.rows = rows;
        this.properties = properties;
        this.shipped = shipped;
        this.resources = resources;
        this.messages = messages;
        this.teamLanguage = Locale.of(teamLanguage);
        this.transactions = new TransactionTemplate(transactions);
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        ensure();
        warnAboutMissingYears();
    }

    /** Makes the default calendar unless one exists; a node starting at the same moment may make it instead. */
    void ensure() {
        if (rows.state().isPresent()) {
            return;
        }
        String name = messages.getMessage("calendar.standard-name", null, "Standard", teamLanguage);
        Seed seed = seed(properties, name, resources, LocalDate.now(clock.withZone(properties.timeZone())).getYear());
        try {
            transactions.executeWithoutResult(status -> {
                if (rows.state().isPresent()) {
                    return;
                }
                BusinessCalendarId id = rows.insert(seed.details(), clock.instant());
                seed.days().forEach(day -> rows.insertDay(id, day));
                rows.insertState(id);
                log.info("Made the default business calendar \"{}\" from the otklik.sla settings: {}, {}{}, "
                        + "{} dates of its own", seed.details().name(), seed.details().zone(),
                        seed.details().roundTheClock() ? "24/7" : seed.details().week(),
                        seed.details().countryOrNull() == null ? "" : ", holidays " + seed.details().country(),
                        seed.days().size());
            });
        } catch (DataIntegrityViolationException madeElsewhere) {
            if (rows.state().isEmpty()) {
                throw madeElsewhere;
            }
        }
    }

    /** A calendar's settings and its own dates. */
    record Seed(CalendarDetails details, List<CalendarDay> days) {
    }

    /**
     * The calendar the settings describe: zone, hours (24/7 as round the clock), the first named production calendar
     * as the calendar's production calendar, and every other source's dates (further named calendars, .ics and .txt
     * files) as its own entries; a day off from any source wins over a working day from another.
     *
     * @throws IllegalArgumentException or IllegalStateException when the settings cannot be used
     */
    static Seed seed(SlaProperties properties, String name, ResourcePatternResolver resources, int thisYear) {
        boolean roundTheClock = properties.workingHours().strip().equals("24/7");
        WeeklyHours week = WeeklyHours.parse(properties.workingHours());
        String country = null;
        Map<LocalDate, CalendarDay> days = new TreeMap<>();
        for (String raw : properties.holidays()) {
            String source = raw.strip();
            String lower = source.toLowerCase(Locale.ROOT);
            if (lower.isEmpty() || lower.equals("none")) {
                continue;
            }
            if (lower.endsWith(".ics")) {
                String text = BusinessCalendars.read(resources.getResource(source));
                for (IcsHolidays.Holiday holiday : IcsHolidays.holidays(text, thisYear + ICS_YEARS_AHEAD)) {
                    days.put(holiday.date(), CalendarDay.holiday(holiday.date(),
                            holiday.summary().isEmpty() ? source : holiday.summary()));
                }
            } else if (lower.endsWith(".txt")) {
                add(HolidayCalendar.parse(source, BusinessCalendars.read(resources.getResource(source))), week,
                        source, days);
            } else {
                HolidayCalendar holidays = BusinessCalendars.shipped(source, resources);
                if (country == null) {
                    country = source;
                } else if (!country.equals(source)) {
                    add(holidays, week, source, days);
                }
            }
        }
        CalendarDetails details = CalendarDetails.of(name, properties.timeZone(), roundTheClock, week,
                country == null ? "" : country);
        return new Seed(details, List.copyOf(days.values()));
    }

    /** A holiday calendar's dates as entries: its days off as holidays, worked and shortened days with their hours. */
    private static void add(HolidayCalendar holidays, WeeklyHours week, String note, Map<LocalDate, CalendarDay> days) {
        holidays.daysOff().forEach(date -> days.put(date, CalendarDay.holiday(date, note)));
        TreeSet<LocalDate> worked = new TreeSet<>(holidays.workingDays().keySet());
        worked.addAll(holidays.shortenedDays().keySet());
        for (LocalDate date : worked) {
            if (holidays.isDayOff(date) || days.containsKey(date)
                    && days.get(date).kind() == CalendarDay.Kind.HOLIDAY) {
                continue;
            }
            DayOfWeek as = holidays.workingDays().getOrDefault(date, date.getDayOfWeek());
            WorkingHours hours = week.on(as);
            if (holidays.shortenedDays().containsKey(date)) {
                hours = hours.shortenedBy(holidays.shortenedDays().get(date));
            }
            days.put(date, hours.isDayOff() ? CalendarDay.holiday(date, note) : CalendarDay.working(date, hours, note));
        }
    }

    private void warnAboutMissingYears() {
        int thisYear = LocalDate.now(clock.withZone(properties.timeZone())).getYear();
        List<String> countries = new ArrayList<>(rows.all().stream().map(CalendarView::country)
                .filter(c -> c != null && shipped.exists(c)).distinct().toList());
        for (String country : countries) {
            HolidayCalendar holidays = shipped.get(country);
            for (int year = thisYear; year <= thisYear + 1; year++) {
                if (!holidays.years().contains(year)) {
                    log.warn("The production calendar '{}' has no dates for {}: business time counts that year's "
                            + "holidays as working days. Add the year's calendar.", country, year);
                } else if (holidays.provisionalYears().contains(year)) {
                    log.info("The production calendar '{}' for {} is provisional: update it when the year's decree "
                            + "is out.", country, year);
                }
            }
        }
    }
}
