package io.otklik.sla;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.otklik.shared.NotFoundException;
import io.otklik.shared.RuleViolationException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Business calendars as administrators keep them: supervisors see them and preview their working time,
 * administrators add, change and delete them, choose the default one, enter dated holidays and working days and
 * import holidays from iCalendar files. Nothing with problems is saved; every saved change publishes
 * {@link CalendarChanged} after it commits.
 */
@Service
public class CalendarAdministration {

    /** The largest iCalendar file read, in bytes. */
    public static final int MAX_ICS_BYTES = 1024 * 1024;

    /** The most working time a preview adds: about ten years of office hours. */
    public static final Duration MAX_PREVIEW = Duration.ofMinutes(1_000_000);

    private final CalendarRows rows;
    private final PolicyRows policies;
    private final OlaTargetRows olaTargets;
    private final BusinessCalendars calendars;
    private final ShippedHolidays shipped;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CalendarAdministration(CalendarRows rows, PolicyRows policies, OlaTargetRows olaTargets,
            BusinessCalendars calendars, ShippedHolidays shipped, ApplicationEventPublisher events, Clock clock) {
        this.rows = rows;
        this.policies = policies;
        this.olaTargets = olaTargets;
        this.calendars = calendars;
        this.shipped = shipped;
        this.events = events;
        this.clock = clock;
    }

    /** All calendars by name. */
    @PreAuthorize("hasRole('SUPERVISOR')")
    @Transactional(readOnly = true)
    public List<CalendarView> calendars() {
        calendars.standardId(); // on the very first start, makes the default calendar before listing
        return rows.all();
    }

    /** @throws NotFoundException when there is no such calendar */
    @PreAuthorize("hasRole('SUPERVISOR')")
    @Transactional(readOnly = true)
    public CalendarView calendar(BusinessCalendarId id) {
        return load(id);
    }

    /** The production calendars that ship with Otklik, by name ({@code ru}). */
    public List<String> countries() {
        return shipped.names();
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public BusinessCalendarId create(CalendarDetails details) {
        check(details, null);
        calendars.standardId(); // the default calendar (and the revision row) exist before any other
        BusinessCalendarId id;
        try {
            id = rows.insert(details, clock.instant());
        } catch (DataIntegrityViolationException sameNameMeanwhile) {
            throw new InvalidCalendar(new CalendarProblem("name", "calendar.name-taken", details.name()));
        }
        changed(id);
        return id;
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void update(BusinessCalendarId id, CalendarDetails details) {
        load(id);
        check(details, id);
        try {
            rows.update(id, details, clock.instant());
        } catch (DataIntegrityViolationException sameNameMeanwhile) {
            throw new InvalidCalendar(new CalendarProblem("name", "calendar.name-taken", details.name()));
        }
        changed(id);
    }

    /**
     * Deletes a calendar with its dates.
     *
     * @throws RuleViolationException for the default calendar: make another one the default first; for a calendar
     *         service-level policies or internal targets count in: choose another one in them first
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void delete(BusinessCalendarId id) {
        CalendarView calendar = load(id);
        if (calendar.isDefault()) {
            throw new RuleViolationException("calendar.default-not-deletable", calendar.name());
        }
        List<String> usedBy = policies.namesUsing(id);
        if (!usedBy.isEmpty()) {
            throw new RuleViolationException("calendar.used-by-policies", calendar.name(), String.join(", ", usedBy));
        }
        if (olaTargets.using(id) > 0) {
            throw new RuleViolationException("calendar.used-by-ola-targets", calendar.name());
        }
        rows.delete(id); // a policy saved meanwhile with this calendar makes the foreign key refuse
        changed(id);
    }

    /** Makes the calendar the default one; both it and the one that was the default are reported as changed. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void makeDefault(BusinessCalendarId id) {
        load(id);
        BusinessCalendarId before = rows.state().orElseThrow().defaultCalendar();
        if (before.equals(id)) {
            return;
        }
        rows.makeDefault(id);
        changed(id);
        events.publishEvent(new CalendarChanged(before.value()));
    }

    /**
     * Enters a holiday or a working day on a date that has no entry yet.
     *
     * @throws InvalidCalendar with what is wrong (fields date, kind, hours, note), also when the date has an entry
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void addDay(BusinessCalendarId id, CalendarDay day) {
        load(id);
        List<CalendarProblem> problems = new ArrayList<>(day.problems());
        if (day.date() != null && problems.stream().noneMatch(p -> p.field().equals("date"))
                && rows.dates(id).contains(day.date())) {
            problems.add(0, new CalendarProblem("date", "calendar.day.date-taken",
                    day.date().format(DateTimeFormatter.ofPattern("dd.MM.yyyy"))));
        }
        if (!problems.isEmpty()) {
            throw new InvalidCalendar(problems);
        }
        rows.insertDay(id, day.normalized());
        changed(id);
    }

    /** Removes the entry of a date; nothing happens when it has none. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void removeDay(BusinessCalendarId id, LocalDate date) {
        load(id);
        if (rows.deleteDay(id, date)) {
            changed(id);
        }
    }

    /**
     * Enters the all-day events of an iCalendar file as holidays, with their summaries as notes; dates that already
     * have an entry are left as they are. Yearly events are repeated up to ten years ahead.
     *
     * @throws RuleViolationException when the file is empty, too large, not UTF-8 text, not an iCalendar file, or
     *         cannot be read as one
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public IcsImport importIcs(BusinessCalendarId id, byte[] file) {
        CalendarView calendar = load(id);
        if (file == null || file.length == 0) {
            throw new RuleViolationException("calendar.ics.empty");
        }
        if (file.length > MAX_ICS_BYTES) {
            throw new RuleViolationException("calendar.ics.too-large", MAX_ICS_BYTES / 1024);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(file)).toString();
        } catch (CharacterCodingException e) {
            throw new RuleViolationException("calendar.ics.not-ics");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (!text.stripLeading().regionMatches(true, 0, "BEGIN:VCALENDAR", 0, "BEGIN:VCALENDAR".length())) {
            throw new RuleViolationException("calendar.ics.not-ics");
        }
        int lastYear = LocalDate.now(clock.withZone(calendar.zone())).getYear() + CalendarFromSettings.ICS_YEARS_AHEAD;
        List<IcsHolidays.Holiday> holidays;
        try {
            holidays = IcsHolidays.holidays(text, lastYear);
        } catch (IllegalArgumentException e) {
            throw new RuleViolationException("calendar.ics.unreadable", e.getMessage());
        }
        Set<LocalDate> taken = rows.dates(id);
        int added = 0;
        for (IcsHolidays.Holiday holiday : holidays) {
            if (taken.add(holiday.date())) {
                String note = holiday.summary().length() > CalendarDay.MAX_NOTE
                        ? holiday.summary().substring(0, CalendarDay.MAX_NOTE) : holiday.summary();
                rows.insertDay(id, CalendarDay.holiday(holiday.date(), note));
                added++;
            }
        }
        if (added > 0) {
            changed(id);
        }
        return new IcsImport(holidays.size(), added, holidays.size() - added);
    }

    /**
     * The working time between two wall-clock times in the calendar's zone (a time the clocks skip counts as the
     * moment they jump; a repeated one as its first pass).
     *
     * @throws RuleViolationException when {@code to} is before {@code from}
     */
    @PreAuthorize("hasRole('SUPERVISOR')")
    @Transactional(readOnly = true)
    public Duration workingTimeBetween(BusinessCalendarId id, LocalDateTime from, LocalDateTime to) {
        BusinessTime time = calendars.time(id);
        ZonedDateTime start = from.atZone(time.calendar().zone());
        ZonedDateTime end = to.atZone(time.calendar().zone());
        if (end.isBefore(start)) {
            throw new RuleViolationException("calendar.preview.end-before-start");
        }
        return time.between(start.toInstant(), end.toInstant());
    }

    /**
     * When {@code workingTime} of working time has passed from a wall-clock time in the calendar's zone; the answer
     * is in that zone.
     *
     * @throws RuleViolationException when the working time is negative or above {@link #MAX_PREVIEW}
     */
    @PreAuthorize("hasRole('SUPERVISOR')")
    @Transactional(readOnly = true)
    public ZonedDateTime plus(BusinessCalendarId id, LocalDateTime start, Duration workingTime) {
        if (workingTime.isNegative() || workingTime.compareTo(MAX_PREVIEW) > 0) {
            throw new RuleViolationException("calendar.preview.minutes-range", MAX_PREVIEW.toMinutes());
        }
        BusinessTime time = calendars.time(id);
        return time.plus(start.atZone(time.calendar().zone()).toInstant(), workingTime)
                .atZone(time.calendar().zone());
    }

    /** A month of the calendar day by day. */
    @PreAuthorize("hasRole('SUPERVISOR')")
    @Transactional(readOnly = true)
    public CalendarMonth month(BusinessCalendarId id, YearMonth month) {
        CalendarView view = load(id);
        return CalendarMonth.of(view, calendars.countryHolidays(view), calendars.time(id), month);
    }

    /** Whether the settings can be saved: their own problems, then whether the name is free and the country known. */
    private void check(CalendarDetails details, BusinessCalendarId id) {
        List<CalendarProblem> problems = new ArrayList<>(details.problems());
        if (problems.stream().noneMatch(problem -> problem.field().equals("name"))
                && rows.nameTaken(details.name(), id)) {
            problems.add(0, new CalendarProblem("name", "calendar.name-taken", details.name()));
        }
        if (details.countryOrNull() != null && !shipped.exists(details.country())) {
            problems.add(new CalendarProblem("country", "calendar.country-unknown", details.country()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidCalendar(problems);
        }
    }

    private void changed(BusinessCalendarId id) {
        rows.touch(id, clock.instant());
        calendars.changed();
        events.publishEvent(new CalendarChanged(id.value()));
    }

    private CalendarView load(BusinessCalendarId id) {
        return rows.one(id).orElseThrow(() -> new NotFoundException("calendar.not-found", id.value()));
    }
}
