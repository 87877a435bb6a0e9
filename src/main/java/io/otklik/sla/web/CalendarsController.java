package io.otklik.sla.web;

import java.io.IOException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import io.otklik.sla.BusinessCalendarId;
import io.otklik.sla.CalendarAdministration;
import io.otklik.sla.CalendarDay;
import io.otklik.sla.CalendarDetails;
import io.otklik.sla.CalendarProblem;
import io.otklik.sla.CalendarView;
import io.otklik.sla.IcsImport;
import io.otklik.sla.InvalidCalendar;
import io.otklik.shared.RuleViolationException;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Business calendars": the list, the form that adds or changes a calendar's settings, and on a calendar's page its
 * dated holidays and working days, the import of holidays from an iCalendar file, making it the default, deleting
 * it, and the preview of its working time (htmx; a whole page without script).
 */
@Controller
@RequestMapping("/admin/calendars")
class CalendarsController {

    private static final String LIST = "sla/calendars";
    private static final String PAGE = "sla/calendar";

    /** Zones most of our teams work in, offered first. */
    static final List<String> FIRST_ZONES = List.of("Europe/Moscow", "Europe/Kaliningrad", "Asia/Yekaterinburg",
            "Asia/Novosibirsk", "Asia/Vladivostok", "Europe/Berlin", "UTC");

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");
    private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private final CalendarAdministration administration;
    private final MessageSource messages;
    private final Clock clock;

    CalendarsController(CalendarAdministration administration, MessageSource messages, Clock clock) {
        this.administration = administration;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("calendars", administration.calendars());
        return LIST;
    }

    @GetMapping("/new")
    String blank(Model model) {
        List<String> countries = administration.countries();
        model.addAttribute("form", CalendarForm.blank(FIRST_ZONES.getFirst(),
                countries.contains("ru") ? "ru" : ""));
        return page(model, null, null, null);
    }

    @PostMapping
    String create(@Valid @ModelAttribute("form") CalendarForm form, BindingResult errors, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        CalendarDetails details = form.details();
        problems(details.problems(), errors);
        if (!errors.hasErrors()) {
            try {
                BusinessCalendarId id = administration.create(details);
                redirect.addFlashAttribute("saved", details.name());
                return "redirect:/admin/calendars/" + id;
            } catch (AccessDeniedException e) {
                model.addAttribute("notAllowed", true);
            } catch (InvalidCalendar e) {
                problems(e.problems(), errors);
            }
        }
        response.setStatus(Boolean.TRUE.equals(model.getAttribute("notAllowed")) ? 403 : 422);
        return page(model, null, null, null);
    }

    @GetMapping("/{id:\\d+}")
    String edit(@PathVariable long id, Model model) {
        CalendarView calendar = administration.calendar(new BusinessCalendarId(id));
        model.addAttribute("form", CalendarForm.of(calendar.details()));
        return page(model, calendar, null, null);
    }

    @PostMapping("/{id:\\d+}")
    String update(@PathVariable long id, @Valid @ModelAttribute("form") CalendarForm form, BindingResult errors,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        CalendarView calendar = administration.calendar(new BusinessCalendarId(id));
        CalendarDetails details = form.details();
        problems(details.problems(), errors);
        if (!errors.hasErrors()) {
            try {
                administration.update(calendar.id(), details);
                redirect.addFlashAttribute("saved", details.name());
                return "redirect:/admin/calendars/" + id;
            } catch (AccessDeniedException e) {
                model.addAttribute("notAllowed", true);
            } catch (InvalidCalendar e) {
                problems(e.problems(), errors);
            }
        }
        response.setStatus(Boolean.TRUE.equals(model.getAttribute("notAllowed")) ? 403 : 422);
        return page(model, calendar, null, null);
    }

    @PostMapping("/{id:\\d+}/delete")
    String delete(@PathVariable long id, Locale locale, RedirectAttributes redirect) {
        CalendarView calendar = administration.calendar(new BusinessCalendarId(id));
        try {
            administration.delete(calendar.id());
            redirect.addFlashAttribute("deleted", calendar.name());
            return "redirect:/admin/calendars";
        } catch (AccessDeniedException e) {
            redirect.addFlashAttribute("notAllowed", true);
        } catch (RuleViolationException e) {
            redirect.addFlashAttribute("refused", e.message(messages, locale));
        }
        return "redirect:/admin/calendars/" + id;
    }

    @PostMapping("/{id:\\d+}/default")
    String makeDefault(@PathVariable long id, RedirectAttributes redirect) {
        CalendarView calendar = administration.calendar(new BusinessCalendarId(id));
        try {
            administration.makeDefault(calendar.id());
            redirect.addFlashAttribute("madeDefault", calendar.name());
        } catch (AccessDeniedException e) {
            redirect.addFlashAttribute("notAllowed", true);
        }
        return "redirect:/admin/calendars/" + id;
    }

    @PostMapping("/{id:\\d+}/days")
    String addDay(@PathVariable long id, @ModelAttribute("dayForm") DayForm dayForm, BindingResult dayErrors,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        CalendarView calendar = administration.calendar(new BusinessCalendarId(id));
        CalendarDay day = dayForm.day();
        try {
            if (dayForm.dateUnreadable()) {
                dayErrors.rejectValue("date", "calendar.day.date-unreadable");
            } else {
                administration.addDay(calendar.id(), day);
                redirect.addFlashAttribute("dayAdded", day.date());
                return "redirect:/admin/calendars/" + id + "#days";
            }
        } catch (AccessDeniedException e) {
            model.addAttribute("notAllowed", true);
        } catch (InvalidCalendar e) {
            for (CalendarProblem problem : e.problems()) {
                if (!dayErrors.hasFieldErrors(problem.field())) {
                    dayErrors.rejectValue(problem.field(), problem.code(), problem.args(), null);
                }
            }
        }
        response.setStatus(Boolean.TRUE.equals(model.getAttribute("notAllowed")) ? 403 : 422);
        model.addAttribute("form", CalendarForm.of(calendar.details()));
        return page(model, calendar, null, null);
    }

    @PostMapping("/{id:\\d+}/days/{date}/delete")
    String removeDay(@PathVariable long id, @PathVariable String date, RedirectAttributes redirect) {
        CalendarView calendar = administration.calendar(new BusinessCalendarId(id));
        try {
            administration.removeDay(calendar.id(), LocalDate.parse(date));
            redirect.addFlashAttribute("dayRemoved", LocalDate.parse(date));
        } catch (AccessDeniedException e) {
            redirect.addFlashAttribute("notAllowed", true);
        } catch (DateTimeParseException e) {
            // Not a date of ours: nothing to remove.
        }
        return "redirect:/admin/calendars/" + id + "#days";
    }

    @PostMapping("/{id:\\d+}/import")
    String importIcs(@PathVariable long id, @RequestParam(name = "file", required = false) MultipartFile file,
            Model model, Locale locale, HttpServletResponse response, RedirectAttributes redirect) throws IOException {
        CalendarView calendar = administration.calendar(new BusinessCalendarId(id));
        try {
            IcsImport result = administration.importIcs(calendar.id(), file == null ? new byte[0] : file.getBytes());
            redirect.addFlashAttribute("imported", result);
            return "redirect:/admin/calendars/" + id + "#import";
        } catch (AccessDeniedException e) {
            model.addAttribute("notAllowed", true);
            response.setStatus(403);
        } catch (RuleViolationException e) {
            model.addAttribute("importProblem", e.message(messages, locale));
            response.setStatus(422);
        }
        model.addAttribute("form", CalendarForm.of(calendar.details()));
        return page(model, calendar, null, null);
    }

    /** The preview: the region for htmx, the whole calendar page otherwise. */
    @GetMapping("/{id:\\d+}/preview")
    String preview(@PathVariable long id, @ModelAttribute("preview") PreviewForm preview,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model, Locale locale,
            HttpServletResponse response) {
        CalendarView calendar = administration.calendar(new BusinessCalendarId(id));
        if (!preview(calendar, preview, model, locale)) {
            response.setStatus(422);
        }
        if (htmx != null) {
            model.addAttribute("calendar", calendar);
            return PAGE + " :: preview";
        }
        model.addAttribute("form", CalendarForm.of(calendar.details()));
        return page(model, calendar, preview, locale);
    }

    private String page(Model model, CalendarView calendar, PreviewForm asked, Locale locale) {
        model.addAttribute("calendar", calendar);
        model.addAttribute("zones", zones(calendar));
        model.addAttribute("countries", administration.countries());
        model.addAttribute("weekdays", DayOfWeek.values());
        model.addAttribute("kinds", CalendarDay.Kind.values());
        if (calendar != null) {
            if (!model.containsAttribute("dayForm")) {
                model.addAttribute("dayForm", DayForm.blank());
            }
            if (asked == null) {
                PreviewForm defaults = defaults(calendar);
                model.addAttribute("preview", defaults);
                preview(calendar, defaults, model, locale);
            }
        }
        return PAGE;
    }

    /** Working time this week, four working hours from now, this month. */
    private PreviewForm defaults(CalendarView calendar) {
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(calendar.zone())).truncatedTo(ChronoUnit.HOURS);
        LocalDateTime monday = now.toLocalDate().with(DayOfWeek.MONDAY).atStartOfDay();
        return new PreviewForm(INPUT.format(monday), INPUT.format(monday.plusDays(7)), INPUT.format(now), "240",
                YearMonth.from(now).toString());
    }

    /** Works out what the preview asks and puts it in the model; false when something asked cannot be read. */
    private boolean preview(CalendarView calendar, PreviewForm asked, Model model, Locale locale) {
        Map<String, String> problems = new LinkedHashMap<>();
        LocalDateTime from = dateTime(asked.from(), "from", problems);
        LocalDateTime to = dateTime(asked.to(), "to", problems);
        LocalDateTime start = dateTime(asked.start(), "start", problems);
        Long minutes = null;
        if (asked.minutes() != null && !asked.minutes().isBlank()) {
            try {
                minutes = Long.parseLong(asked.minutes().strip());
                if (minutes < 0 || minutes > CalendarAdministration.MAX_PREVIEW.toMinutes()) {
                    problems.put("minutes", "calendar.preview.minutes-range");
                    minutes = null;
                }
            } catch (NumberFormatException e) {
                problems.put("minutes", "calendar.preview.minutes-range");
            }
        }
        YearMonth month = null;
        if (asked.month() != null && !asked.month().isBlank()) {
            try {
                month = YearMonth.parse(asked.month().strip());
                if (month.getYear() < 1900 || month.getYear() > 2999) {
                    problems.put("month", "calendar.preview.month-unreadable");
                    month = null;
                }
            } catch (DateTimeParseException e) {
                problems.put("month", "calendar.preview.month-unreadable");
            }
        }
        if (from != null && to != null) {
            if (to.atZone(calendar.zone()).isBefore(from.atZone(calendar.zone()))) {
                problems.put("to", "calendar.preview.end-before-start");
            } else {
                model.addAttribute("between", administration.workingTimeBetween(calendar.id(), from, to));
            }
        }
        if (start != null && minutes != null) {
            ZonedDateTime due = administration.plus(calendar.id(), start, Duration.ofMinutes(minutes));
            model.addAttribute("plusResult", shown(due, locale));
        }
        if (month != null) {
            model.addAttribute("month", administration.month(calendar.id(), month));
        }
        model.addAttribute("previewProblems", problems);
        model.addAttribute("maxMinutes", CalendarAdministration.MAX_PREVIEW.toMinutes());
        return problems.isEmpty();
    }

    private static LocalDateTime dateTime(String text, String field, Map<String, String> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            LocalDateTime value = LocalDateTime.parse(text.strip());
            if (value.getYear() < 1900 || value.getYear() > 2999) {
                problems.put(field, "calendar.preview.date-time-unreadable");
                return null;
            }
            return value;
        } catch (DateTimeParseException e) {
            problems.put(field, "calendar.preview.date-time-unreadable");
            return null;
        }
    }

    /** Monday 30.11.2026 10:00 (UTC+03:00), in the reader's language. */
    private String shown(ZonedDateTime time, Locale locale) {
        Locale language = locale == null ? LocaleContextHolder.getLocale() : locale;
        String weekday = messages.getMessage("calendar.weekday.short." + time.getDayOfWeek(), null,
                time.getDayOfWeek().name(), language);
        String offset = time.getOffset().getTotalSeconds() == 0 ? "+00:00" : time.getOffset().getId();
        return weekday + " " + DATE_TIME.format(time) + " (UTC" + offset + ")";
    }

    /** The zones to choose from: ours first, then every region's in alphabetical order. */
    private static List<String> zones(CalendarView calendar) {
        List<String> zones = new ArrayList<>(FIRST_ZONES);
        TreeSet<String> others = new TreeSet<>();
        for (String id : ZoneId.getAvailableZoneIds()) {
            if (id.contains("/") && !id.startsWith("Etc/") && !id.startsWith("SystemV/") && !FIRST_ZONES.contains(id)) {
                others.add(id);
            }
        }
        if (calendar != null && !FIRST_ZONES.contains(calendar.zone().getId())) {
            others.add(calendar.zone().getId());
        }
        zones.addAll(others);
        return zones;
    }

    /** Puts each problem next to the form field it belongs to; one already marked there is not repeated. */
    private static void problems(List<CalendarProblem> problems, BindingResult errors) {
        for (CalendarProblem problem : problems) {
            String field = problem.field();
            if (field.equals("hours")) {
                if (errors.getGlobalErrors().stream().noneMatch(e -> problem.code().equals(e.getCode()))) {
                    errors.reject(problem.code(), problem.args(), null);
                }
            } else if (!errors.hasFieldErrors(field)) {
                errors.rejectValue(field, problem.code(), problem.args(), null);
            }
        }
    }
}
