package io.otklik.agent.web;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import io.otklik.agent.AgentDirectory;
import io.otklik.agent.SupportLine;
import io.otklik.agent.TeamId;
import io.otklik.agent.TeamView;
import io.otklik.agent.TicketScope;
import io.otklik.identity.Role;
import io.otklik.shared.ConflictException;
import io.otklik.shared.NotFoundException;
import io.otklik.shared.RuleViolationException;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The staff list and the form that adds an agent, supervisor or administrator. */
@Controller
@RequestMapping("/admin/agents")
class AgentsController {

    private final AgentDirectory directory;

    AgentsController(AgentDirectory directory) {
        this.directory = directory;
    }

    @GetMapping
    String list(@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        model.addAttribute("form", AgentForm.empty());
        return page(model, htmx != null);
    }

    @PostMapping
    String add(@Valid @ModelAttribute("form") AgentForm form, BindingResult errors, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                directory.add(form.toNewAgent());
                redirect.addFlashAttribute("added", form.name().strip());
                return "redirect:/admin/agents";
            } catch (AccessDeniedException e) {
                response.setStatus(HttpServletResponse.SC_FORBIDDEN);
                model.addAttribute("notAllowed", true);
            } catch (ConflictException e) {
                errors.rejectValue("email", e.code(), e.arguments(), null);
            } catch (NotFoundException e) {
                errors.rejectValue("teams", e.code(), e.arguments(), null);
            } catch (RuleViolationException e) {
                errors.reject(e.code(), e.arguments(), null);
            }
        }
        return page(model, false);
    }

    private String page(Model model, boolean fragment) {
        List<TeamView> teams = directory.teams();
        Map<TeamId, String> teamNames = teams.stream().collect(Collectors.toMap(TeamView::id, TeamView::name));
        model.addAttribute("agents", directory.agents().stream().map(agent -> new AgentRow(agent.name(),
                agent.email(), agent.role(), agent.scope(), agent.teams().stream().map(teamNames::get)
                        .filter(Objects::nonNull).sorted().toList())).toList());
        model.addAttribute("teamsByLine", teams.stream().collect(Collectors.groupingBy(TeamView::line,
                () -> new EnumMap<>(SupportLine.class), Collectors.toList())));
        model.addAttribute("roles", Role.values());
        model.addAttribute("scopes", TicketScope.values());
        model.addAttribute("languages", List.of("ru", "en"));
        return fragment ? "agent/agents :: list" : "agent/agents";
    }
}
