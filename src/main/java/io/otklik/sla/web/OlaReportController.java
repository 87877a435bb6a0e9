package io.otklik.sla.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;

import io.otklik.agent.AgentDirectory;
import io.otklik.agent.SupportLine;
import io.otklik.agent.TeamId;
import io.otklik.agent.TeamView;
import io.otklik.sla.OlaReport;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Internal targets (OLA)" report for supervisors: per team or line and kind, over the days chosen (30 up to today
 * unless asked), how many rounds ended, how many were late, the breach rate and the median time they took; and how
 * many are going now and already late.
 */
@Controller
class OlaReportController {

    /** The longest period one report covers. */
    static final int MAX_DAYS = 366;
    static final int DEFAULT_DAYS = 30;

    private final OlaReport report;
    private final AgentDirectory agents;
    private final ClockTexts texts;
    private final MessageSource messages;
    private final Clock clock;
    private final ZoneId zone;

    OlaReportController(OlaReport report, AgentDirectory agents, ClockTexts texts, MessageSource messages,
            Clock clock, @Value("${otklik.time-zone:Europe/Moscow}") ZoneId zone) {
        this.report = report;
        this.agents = agents;
        this.texts = texts;
        this.messages = messages;
        this.clock = clock;
        this.zone = zone;
    }

    /** A line of the report as shown. */
    record Line(String holder, boolean ofTeam, String kind, long handled, long breached, String rate, String median,
            long open, long overdue) {
    }

    @GetMapping("/sla/ola")
    String report(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            Model model, Locale locale, HttpServletResponse response) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        LocalDate last = today;
        LocalDate first = today.minusDays(DEFAULT_DAYS - 1);
        String problem = null;
        try {
            if (to != null && !to.isBlank()) {
                last = LocalDate.parse(to.strip());
            }
            if (from != null && !from.isBlank()) {
                first = LocalDate.parse(from.strip());
            } else if (to != null && !to.isBlank()) {
                first = last.minusDays(DEFAULT_DAYS - 1);
            }
            if (first.isAfter(last)) {
                problem = "ola.report.order";
            } else if (ChronoUnit.DAYS.between(first, last) >= MAX_DAYS) {
                problem = "ola.report.too-long";
            }
        } catch (DateTimeParseException e) {
            problem = "ola.report.date";
        }
        if (problem != null) {
            // the period as typed stays in the fields, with what is wrong with it
            model.addAttribute("from", from == null ? "" : from);
            model.addAttribute("to", to == null ? "" : to);
            model.addAttribute("problem", messages.getMessage(problem, new Object[] {MAX_DAYS}, locale));
            model.addAttribute("lines", List.of());
            response.setStatus(400);
            return "sla/ola-report";
        }
        model.addAttribute("from", first.toString());
        model.addAttribute("to", last.toString());
        List<OlaReport.Row> rows = report.between(first.atStartOfDay(zone).toInstant(),
                last.plusDays(1).atStartOfDay(zone).toInstant());
        Map<TeamId, TeamView> teams = agents.teams().stream()
                .collect(Collectors.toMap(TeamView::id, Function.identity()));
        model.addAttribute("lines", rows.stream().map(row -> line(row, teams, locale)).toList());
        model.addAttribute("period", messages.getMessage("ola.report.period",
                new Object[] {first.toString(), last.toString()}, locale));
        return "sla/ola-report";
    }

    private Line line(OlaReport.Row row, Map<TeamId, TeamView> teams, Locale locale) {
        String holder;
        if (row.team() != null) {
            TeamView team = teams.get(row.team());
            holder = team == null ? "#" + row.team() : team.name() + " · " + line(team.line(), locale);
        } else {
            holder = messages.getMessage("ola-target.whole-line", new Object[] {line(row.line(), locale)}, locale);
        }
        String rate = row.breachRate() == null ? "—"
                : messages.getMessage("ola.report.rate", new Object[] {Math.round(row.breachRate() * 100)}, locale);
        return new Line(holder, row.team() != null, messages.getMessage("ola.kind." + row.kind(), null, locale),
                row.handled(), row.breached(), rate,
                row.median() == null ? "—" : texts.duration(row.median(), locale), row.open(), row.overdue());
    }

    private String line(SupportLine line, Locale locale) {
        return messages.getMessage("enum.SupportLine." + line, null, locale);
    }
}
