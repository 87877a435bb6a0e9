package io.otklik.agent.web;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import io.otklik.agent.AgentDirectory;
import io.otklik.agent.SupportLine;
import io.otklik.agent.TeamId;
import io.otklik.agent.TeamView;
import io.otklik.shared.ConflictException;
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

/** Teams by support line, with how many agents each has, and the form that creates a team. */
@Controller
@RequestMapping("/admin/teams")
class TeamsController {

    private final AgentDirectory directory;

    TeamsController(AgentDirectory directory) {
        this.directory = directory;
    }

    @GetMapping
    String list(@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        model.addAttribute("form", TeamForm.empty());
        return page(model, htmx != null);
    }

    @PostMapping
    String create(@Valid @ModelAttribute("form") TeamForm form, BindingResult errors, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                directory.createTeam(form.name().strip(), form.line());
                redirect.addFlashAttribute("created", form.name().strip());
                return "redirect:/admin/teams";
            } catch (AccessDeniedException e) {
                response.setStatus(HttpServletResponse.SC_FORBIDDEN);
                model.addAttribute("notAllowed", true);
            } catch (ConflictException e) {
                errors.rejectValue("name", e.code(), e.arguments(), null);
            } catch (RuleViolationException e) {
                errors.reject(e.code(), e.arguments(), null);
            }
        }
        return page(model, false);
    }

    private String page(Model model, boolean fragment) {
        Map<SupportLine, List<TeamView>> byLine = new EnumMap<>(SupportLine.class);
        for (SupportLine line : SupportLine.values()) {
            byLine.put(line, new ArrayList<>());
        }
        directory.teams().forEach(team -> byLine.get(team.line()).add(team));
        Map<TeamId, Long> members = directory.agents().stream().flatMap(agent -> agent.teams().stream())
                .collect(Collectors.groupingBy(team -> team, Collectors.counting()));
        model.addAttribute("teamsByLine", byLine);
        model.addAttribute("members", members);
        model.addAttribute("lines", SupportLine.values());
        return fragment ? "agent/teams :: list" : "agent/teams";
    }
}
