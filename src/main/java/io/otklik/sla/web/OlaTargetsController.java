package io.otklik.sla.web;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;

import io.otklik.agent.AgentDirectory;
import io.otklik.agent.SupportLine;
import io.otklik.agent.TeamId;
import io.otklik.agent.TeamView;
import io.otklik.sla.BusinessCalendars;
import io.otklik.sla.CalendarAdministration;
import io.otklik.sla.CalendarView;
import io.otklik.sla.InvalidOlaTarget;
import io.otklik.sla.OlaKind;
import io.otklik.sla.OlaTarget;
import io.otklik.sla.OlaTargetAdministration;
import io.otklik.sla.OlaTargetId;
import io.otklik.sla.OlaTargetProblem;
import io.otklik.sla.TargetText;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Internal targets (OLA)": the targets of lines and teams, and the form that adds or changes one. Supervisors look;
 * administrators change.
 */
@Controller
@RequestMapping("/admin/ola-targets")
class OlaTargetsController {

    private static final String LIST = "sla/ola-targets";
    private static final String PAGE = "sla/ola-target";
    private static final String HOME = "redirect:/admin/ola-targets";

    private final OlaTargetAdministration administration;
    private final CalendarAdministration calendars;
    private final BusinessCalendars businessCalendars;
    private final AgentDirectory agents;

    OlaTargetsController(OlaTargetAdministration administration, CalendarAdministration calendars,
            BusinessCalendars businessCalendars, AgentDirectory agents) {
        this.administration = administration;
        this.calendars = calendars;
        this.businessCalendars = businessCalendars;
        this.agents = agents;
    }

    /**
     * A target in the list: whose (a team's name, or empty for a line's), the line, its kind, the time allowed as
     * hours and minutes, its calendar's name.
     */
    record Row(OlaTarget target, String team, SupportLine line, String allowed, String calendar) {
    }

    @GetMapping
    String list(Model model) {
        Map<TeamId, TeamView> teams = teams();
        Map<Long, String> calendarNames = calendars.calendars().stream()
                .collect(Collectors.toMap(c -> c.id().value(), CalendarView::name));
        List<Row> rows = administration.targets().stream().map(target -> {
            TeamView team = target.ofTeam() ? teams.get(target.team()) : null;
            return new Row(target, target.ofTeam() ? (team == null ? "#" + target.team() : team.name()) : null,
                    target.ofTeam() ? (team == null ? null : team.line()) : target.line(),
                    TargetText.text(target.allowed()),
                    calendarNames.getOrDefault(target.calendar().value(), "#" + target.calendar()));
        }).sorted(Comparator.comparing((Row r) -> r.line() == null ? "" : r.line().name())
                .thenComparing(r -> r.team() == null ? "" : r.team().toLowerCase(java.util.Locale.ROOT))
                .thenComparing(r -> r.target().kind())).toList();
        model.addAttribute("rows", rows);
        return LIST;
    }

    @GetMapping("/new")
    String blank(Model model) {
        model.addAttribute("form", OlaTargetForm.blank(businessCalendars.standardId()));
        return page(model, null);
    }

    @PostMapping
    String create(@ModelAttribute("form") OlaTargetForm form, BindingResult errors, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        OlaTargetForm.Read read = form.read();
        if (!problems(read, errors)) {
            try {
                administration.create(read.details());
                redirect.addFlashAttribute("saved", true);
                return HOME;
            } catch (AccessDeniedException e) {
                model.addAttribute("notAllowed", true);
            } catch (InvalidOlaTarget e) {
                problems(e.problems(), errors);
            }
        }
        response.setStatus(Boolean.TRUE.equals(model.getAttribute("notAllowed")) ? 403 : 422);
        return page(model, null);
    }

    @GetMapping("/{id:\\d+}")
    String edit(@PathVariable long id, Model model) {
        OlaTarget target = administration.target(new OlaTargetId(id));
        model.addAttribute("form", OlaTargetForm.of(target));
        return page(model, target);
    }

    @PostMapping("/{id:\\d+}")
    String update(@PathVariable long id, @ModelAttribute("form") OlaTargetForm form, BindingResult errors,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        OlaTarget target = administration.target(new OlaTargetId(id));
        OlaTargetForm.Read read = form.read();
        if (!problems(read, errors)) {
            try {
                administration.update(target.id(), read.details());
                redirect.addFlashAttribute("saved", true);
                return HOME;
            } catch (AccessDeniedException e) {
                model.addAttribute("notAllowed", true);
            } catch (InvalidOlaTarget e) {
                problems(e.problems(), errors);
            }
        }
        response.setStatus(Boolean.TRUE.equals(model.getAttribute("notAllowed")) ? 403 : 422);
        return page(model, target);
    }

    @PostMapping("/{id:\\d+}/delete")
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        OlaTarget target = administration.target(new OlaTargetId(id));
        try {
            administration.delete(target.id());
            redirect.addFlashAttribute("deleted", true);
        } catch (AccessDeniedException e) {
            redirect.addFlashAttribute("notAllowed", true);
        }
        return HOME;
    }

    private String page(Model model, OlaTarget target) {
        model.addAttribute("target", target);
        model.addAttribute("lines", SupportLine.values());
        model.addAttribute("teams", agents.teams());
        model.addAttribute("kinds", OlaKind.values());
        model.addAttribute("calendars", calendars.calendars());
        return PAGE;
    }

    private Map<TeamId, TeamView> teams() {
        return agents.teams().stream().collect(Collectors.toMap(TeamView::id, Function.identity()));
    }

    /**
     * Whether the form has fields that cannot be read: if so, those and what else is wrong without looking anything
     * up are put next to their fields; if not, the service checks everything.
     */
    private static boolean problems(OlaTargetForm.Read read, BindingResult errors) {
        if (read.problems().isEmpty()) {
            return false;
        }
        problems(read.problems(), errors);
        problems(read.details().problems(), errors);
        return true;
    }

    /** Puts each problem next to the form field it belongs to; one already marked there is not repeated. */
    private static void problems(List<OlaTargetProblem> problems, BindingResult errors) {
        for (OlaTargetProblem problem : problems) {
            if (!errors.hasFieldErrors(problem.field())) {
                errors.rejectValue(problem.field(), problem.code(), shown(problem.args()), null);
            }
        }
    }

    /** Numbers as plain digits in messages. */
    private static Object[] shown(Object[] arguments) {
        Object[] shown = arguments.clone();
        for (int i = 0; i < shown.length; i++) {
            if (shown[i] instanceof Number number) {
                shown[i] = number.toString();
            }
        }
        return shown;
    }
}
