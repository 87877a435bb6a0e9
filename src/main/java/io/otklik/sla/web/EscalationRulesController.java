package io.otklik.sla.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;

import io.otklik.agent.AgentDirectory;
import io.otklik.agent.TeamView;
import io.otklik.shared.RuleViolationException;
import io.otklik.sla.ClockTarget;
import io.otklik.sla.EscalationAction;
import io.otklik.sla.EscalationAdministration;
import io.otklik.sla.EscalationRule;
import io.otklik.sla.EscalationRuleDetails;
import io.otklik.sla.EscalationRuleId;
import io.otklik.sla.InvalidEscalationRule;
import io.otklik.sla.PolicyProblem;
import io.otklik.sla.SlaPolicyAdministration;
import io.otklik.sla.SlaPolicyId;
import io.otklik.sla.SlaPolicyView;

import org.springframework.context.MessageSource;
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
 * "Escalations" of a service-level policy: its rules (warn or act at a share of a clock's target), the form that adds
 * one, switching a rule on and off and deleting it. Supervisors look; administrators change.
 */
@Controller
@RequestMapping("/admin/sla-policies/{policy:\\d+}/escalations")
class EscalationRulesController {

    private static final String PAGE = "sla/escalations";

    private final EscalationAdministration administration;
    private final SlaPolicyAdministration policies;
    private final AgentDirectory agents;
    private final MessageSource messages;

    EscalationRulesController(EscalationAdministration administration, SlaPolicyAdministration policies,
            AgentDirectory agents, MessageSource messages) {
        this.administration = administration;
        this.policies = policies;
        this.agents = agents;
        this.messages = messages;
    }

    /** A rule as listed: the rule and its team's name (for a reassignment; its number once the team is gone). */
    record Row(EscalationRule rule, String team) {
    }

    @GetMapping
    String page(@PathVariable long policy, Model model) {
        model.addAttribute("form", EscalationRuleForm.blank());
        return page(model, policies.policy(new SlaPolicyId(policy)));
    }

    @PostMapping
    String add(@PathVariable long policy, @ModelAttribute("form") EscalationRuleForm form, BindingResult errors,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        SlaPolicyView view = policies.policy(new SlaPolicyId(policy));
        EscalationRuleForm.Read read = form.read();
        problems(read.problems(), errors);
        problems(read.details().problems(), errors);
        if (!errors.hasErrors()) {
            try {
                administration.add(view.id(), read.details());
                redirect.addFlashAttribute("added", true);
                return home(view);
            } catch (AccessDeniedException e) {
                model.addAttribute("notAllowed", true);
            } catch (InvalidEscalationRule e) {
                problems(e.problems(), errors);
            }
        }
        response.setStatus(Boolean.TRUE.equals(model.getAttribute("notAllowed")) ? 403 : 422);
        return page(model, view);
    }

    @PostMapping("/{rule:\\d+}/enable")
    String enable(@PathVariable long policy, @PathVariable long rule, Locale locale, RedirectAttributes redirect) {
        return act(policy, locale, redirect, "enabled",
                id -> administration.enable(id, new EscalationRuleId(rule), true));
    }

    @PostMapping("/{rule:\\d+}/disable")
    String disable(@PathVariable long policy, @PathVariable long rule, Locale locale, RedirectAttributes redirect) {
        return act(policy, locale, redirect, "disabled",
                id -> administration.enable(id, new EscalationRuleId(rule), false));
    }

    @PostMapping("/{rule:\\d+}/delete")
    String delete(@PathVariable long policy, @PathVariable long rule, Locale locale, RedirectAttributes redirect) {
        return act(policy, locale, redirect, "deleted", id -> administration.delete(id, new EscalationRuleId(rule)));
    }

    private interface Action {
        void on(SlaPolicyId policy);
    }

    /** Does something to a rule and goes back to the page saying what became of it (or why not). */
    private String act(long policy, Locale locale, RedirectAttributes redirect, String done, Action action) {
        SlaPolicyView view = policies.policy(new SlaPolicyId(policy));
        try {
            action.on(view.id());
            redirect.addFlashAttribute(done, true);
        } catch (AccessDeniedException e) {
            redirect.addFlashAttribute("notAllowed", true);
        } catch (RuleViolationException e) {
            redirect.addFlashAttribute("refused", e.message(messages, locale));
        }
        return home(view);
    }

    private static String home(SlaPolicyView policy) {
        return "redirect:/admin/sla-policies/" + policy.id() + "/escalations";
    }

    private String page(Model model, SlaPolicyView policy) {
        List<TeamView> teams = agents.teams();
        Map<Long, String> names = teams.stream().collect(Collectors.toMap(t -> t.id().value(), TeamView::name));
        List<Row> rows = administration.rules(policy.id()).stream()
                .map(rule -> new Row(rule, rule.team() == null ? null
                        : names.getOrDefault(rule.team().value(), "#" + rule.team().value())))
                .toList();
        model.addAttribute("policy", policy);
        model.addAttribute("rows", rows);
        model.addAttribute("targets", ClockTarget.values());
        model.addAttribute("actions", EscalationAction.values());
        model.addAttribute("teams", teams);
        model.addAttribute("minPercent", Integer.toString(EscalationRuleDetails.MIN_PERCENT));
        model.addAttribute("maxPercent", Integer.toString(EscalationRuleDetails.MAX_PERCENT));
        return PAGE;
    }

    /** Puts each problem next to its field (or above the form); one already marked there is not repeated. */
    private static void problems(List<PolicyProblem> problems, BindingResult errors) {
        for (PolicyProblem problem : problems) {
            if (problem.field().equals("global")) {
                errors.reject(problem.code(), shown(problem.args()), null);
            } else if (!errors.hasFieldErrors(problem.field())) {
                errors.rejectValue(problem.field(), problem.code(), shown(problem.args()), null);
            }
        }
    }

    /** Numbers as plain digits in messages ("1000", not "1 000"). */
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
