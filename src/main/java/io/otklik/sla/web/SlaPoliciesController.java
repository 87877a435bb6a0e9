package io.otklik.sla.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;

import io.otklik.agent.AgentDirectory;
import io.otklik.agent.TeamView;
import io.otklik.shared.RuleViolationException;
import io.otklik.sla.CalendarAdministration;
import io.otklik.sla.CalendarView;
import io.otklik.sla.ClockTarget;
import io.otklik.sla.InvalidSlaPolicy;
import io.otklik.sla.PolicyConditions;
import io.otklik.sla.PolicyDetails;
import io.otklik.sla.PolicyProblem;
import io.otklik.sla.SlaPolicyAdministration;
import io.otklik.sla.SlaPolicyId;
import io.otklik.sla.SlaPolicyView;
import io.otklik.sla.TargetText;
import io.otklik.ticket.Channel;
import io.otklik.ticket.Priority;
import io.otklik.ticket.TicketAttributeChoices;

import org.springframework.context.MessageSource;
import org.springframework.context.support.DefaultMessageSourceResolvable;
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
 * "SLA policies": the list in the order policies are tried, with moving up and down and switching on and off, and
 * the form that adds or changes a policy (its conditions, calendar, targets, paused statuses and first-answer cap).
 */
@Controller
@RequestMapping("/admin/sla-policies")
class SlaPoliciesController {

    private static final String LIST = "sla/policies";
    private static final String PAGE = "sla/policy";
    private static final String HOME = "redirect:/admin/sla-policies";

    private final SlaPolicyAdministration administration;
    private final CalendarAdministration calendars;
    private final TicketAttributeChoices choices;
    private final AgentDirectory agents;
    private final MessageSource messages;

    SlaPoliciesController(SlaPolicyAdministration administration, CalendarAdministration calendars,
            TicketAttributeChoices choices, AgentDirectory agents, MessageSource messages) {
        this.administration = administration;
        this.calendars = calendars;
        this.choices = choices;
        this.agents = agents;
        this.messages = messages;
    }

    /** A policy in the list: what it matches in words, its calendar's name, its targets per priority. */
    record Row(SlaPolicyView view, List<Condition> conditions, String calendar, List<Targets> targets) {
    }

    /** One condition in words: the attribute's message key suffix and the values it allows, joined. */
    record Condition(String attribute, String values) {
    }

    /** A priority's first response and resolution targets as hours and minutes (empty for none). */
    record Targets(Priority priority, String firstResponse, String resolution) {
    }

    @GetMapping
    String list(Model model, Locale locale) {
        List<SlaPolicyView> policies = administration.policies();
        Map<Long, String> calendarNames = calendars.calendars().stream()
                .collect(Collectors.toMap(c -> c.id().value(), CalendarView::name));
        Names names = names(policies);
        List<Row> rows = new ArrayList<>();
        for (SlaPolicyView view : policies) {
            List<Targets> targets = new ArrayList<>();
            for (Priority priority : Priority.values()) {
                targets.add(new Targets(priority,
                        TargetText.text(view.policy().target(priority, ClockTarget.FIRST_RESPONSE)),
                        TargetText.text(view.policy().target(priority, ClockTarget.RESOLUTION))));
            }
            rows.add(new Row(view, summary(view.policy().conditions(), names, locale),
                    calendarNames.getOrDefault(view.policy().calendar().value(), "#" + view.policy().calendar()),
                    targets));
        }
        model.addAttribute("rows", rows);
        model.addAttribute("lastMovable", policies.size() - 2);
        return LIST;
    }

    @GetMapping("/new")
    String blank(Model model) {
        model.addAttribute("form", PolicyForm.blank(administration.policies().getLast().policy()));
        return page(model, null);
    }

    @PostMapping
    String create(@ModelAttribute("form") PolicyForm form, BindingResult errors, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        PolicyForm.Read read = form.read();
        if (!problems(read, errors)) {
            try {
                administration.create(read.details());
                redirect.addFlashAttribute("saved", read.details().name());
                return HOME;
            } catch (AccessDeniedException e) {
                model.addAttribute("notAllowed", true);
            } catch (InvalidSlaPolicy e) {
                problems(e.problems(), errors);
            }
        }
        response.setStatus(Boolean.TRUE.equals(model.getAttribute("notAllowed")) ? 403 : 422);
        return page(model, null);
    }

    @GetMapping("/{id:\\d+}")
    String edit(@PathVariable long id, Model model) {
        SlaPolicyView policy = administration.policy(new SlaPolicyId(id));
        model.addAttribute("form", PolicyForm.of(policy.policy()));
        return page(model, policy);
    }

    @PostMapping("/{id:\\d+}")
    String update(@PathVariable long id, @ModelAttribute("form") PolicyForm form, BindingResult errors, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        SlaPolicyView policy = administration.policy(new SlaPolicyId(id));
        PolicyForm.Read read = (policy.isDefault() ? form.asDefault() : form).read();
        if (!problems(read, errors)) {
            try {
                administration.update(policy.id(), read.details());
                redirect.addFlashAttribute("saved", read.details().name());
                return HOME;
            } catch (AccessDeniedException e) {
                model.addAttribute("notAllowed", true);
            } catch (InvalidSlaPolicy e) {
                problems(e.problems(), errors);
            }
        }
        response.setStatus(Boolean.TRUE.equals(model.getAttribute("notAllowed")) ? 403 : 422);
        return page(model, policy);
    }

    @PostMapping("/{id:\\d+}/up")
    String moveUp(@PathVariable long id, Locale locale, RedirectAttributes redirect) {
        return act(id, locale, redirect, "moved", policy -> administration.moveUp(policy));
    }

    @PostMapping("/{id:\\d+}/down")
    String moveDown(@PathVariable long id, Locale locale, RedirectAttributes redirect) {
        return act(id, locale, redirect, "moved", policy -> administration.moveDown(policy));
    }

    @PostMapping("/{id:\\d+}/enable")
    String enable(@PathVariable long id, Locale locale, RedirectAttributes redirect) {
        return act(id, locale, redirect, "enabled", policy -> administration.enable(policy, true));
    }

    @PostMapping("/{id:\\d+}/disable")
    String disable(@PathVariable long id, Locale locale, RedirectAttributes redirect) {
        return act(id, locale, redirect, "disabled", policy -> administration.enable(policy, false));
    }

    @PostMapping("/{id:\\d+}/delete")
    String delete(@PathVariable long id, Locale locale, RedirectAttributes redirect) {
        return act(id, locale, redirect, "deleted", policy -> administration.delete(policy));
    }

    /** Does something to a policy and goes back to the list saying what became of it (or why not). */
    private String act(long id, Locale locale, RedirectAttributes redirect, String done, Action action) {
        SlaPolicyView policy = administration.policy(new SlaPolicyId(id));
        try {
            action.on(policy.id());
            redirect.addFlashAttribute(done, policy.name());
        } catch (AccessDeniedException e) {
            redirect.addFlashAttribute("notAllowed", true);
        } catch (RuleViolationException e) {
            redirect.addFlashAttribute("refused", e.message(messages, locale));
        }
        return HOME;
    }

    private interface Action {
        void on(SlaPolicyId policy);
    }

    private String page(Model model, SlaPolicyView policy) {
        model.addAttribute("policy", policy);
        model.addAttribute("calendars", calendars.calendars());
        model.addAttribute("priorities", Priority.values());
        model.addAttribute("channels", Channel.values());
        model.addAttribute("categories", choices.categories());
        model.addAttribute("organizations", choices.organizations());
        model.addAttribute("segments", choices.segments());
        model.addAttribute("teams", agents.teams());
        model.addAttribute("kinds", ClockTarget.values());
        model.addAttribute("pausable", PolicyDetails.PAUSABLE.stream().sorted().toList());
        model.addAttribute("maxCap", TargetText.text(PolicyDetails.MAX_FIRST_RESPONSE_CAP));
        return PAGE;
    }

    /** The names of the categories, organizations and teams the policies' conditions name. */
    private record Names(Map<Long, String> categories, Map<Long, String> organizations, Map<Long, String> teams) {
    }

    private Names names(List<SlaPolicyView> policies) {
        boolean categories = policies.stream().anyMatch(p -> !p.policy().conditions().categories().isEmpty());
        boolean organizations = policies.stream().anyMatch(p -> !p.policy().conditions().organizations().isEmpty());
        boolean teams = policies.stream().anyMatch(p -> !p.policy().conditions().teams().isEmpty());
        return new Names(
                categories ? byId(choices.categories(), TicketAttributeChoices.Choice::id,
                        TicketAttributeChoices.Choice::name) : Map.of(),
                organizations ? byId(choices.organizations(), TicketAttributeChoices.Choice::id,
                        TicketAttributeChoices.Choice::name) : Map.of(),
                teams ? byId(agents.teams(), team -> team.id().value(), TeamView::name) : Map.of());
    }

    private static <T> Map<Long, String> byId(List<T> items, Function<T, Long> id, Function<T, String> name) {
        return items.stream().collect(Collectors.toMap(id, name, (a, b) -> a));
    }

    /** "Priority: critical, high · Segment: VIP" as parts; a deleted category, organization or team as its number. */
    private List<Condition> summary(PolicyConditions conditions, Names names, Locale locale) {
        List<Condition> parts = new ArrayList<>();
        if (!conditions.priorities().isEmpty()) {
            parts.add(new Condition("priorities", conditions.priorities().stream().sorted()
                    .map(p -> messages.getMessage("enum.Priority." + p.name(), null, p.name(), locale)
                            .toLowerCase(locale))
                    .collect(Collectors.joining(", "))));
        }
        named(parts, "categories", conditions.categories(), names.categories());
        named(parts, "organizations", conditions.organizations(), names.organizations());
        if (!conditions.segments().isEmpty()) {
            parts.add(new Condition("segments", conditions.segments().stream()
                    .sorted(String.CASE_INSENSITIVE_ORDER).collect(Collectors.joining(", "))));
        }
        if (!conditions.channels().isEmpty()) {
            parts.add(new Condition("channels", conditions.channels().stream().sorted()
                    .map(c -> messages.getMessage("enum.Channel." + c.name(), null, c.name(), locale))
                    .collect(Collectors.joining(", "))));
        }
        named(parts, "teams", conditions.teams(), names.teams());
        return parts;
    }

    private static void named(List<Condition> parts, String attribute, Set<Long> ids,
            Map<Long, String> names) {
        if (!ids.isEmpty()) {
            parts.add(new Condition(attribute, ids.stream().map(id -> names.getOrDefault(id, "#" + id))
                    .sorted(Comparator.comparing((String name) -> name.toLowerCase(Locale.ROOT)))
                    .collect(Collectors.joining(", "))));
        }
    }

    /**
     * Whether the form has fields that cannot be read: if so, those and what else is wrong without looking anything
     * up are put next to their fields; if not, the service checks everything.
     */
    private static boolean problems(PolicyForm.Read read, BindingResult errors) {
        if (read.problems().isEmpty()) {
            return false;
        }
        problems(read.problems(), errors);
        problems(read.details().problems(), errors);
        return true;
    }

    /** Puts each problem next to the form field it belongs to; one already marked there is not repeated. */
    private static void problems(List<PolicyProblem> problems, BindingResult errors) {
        for (PolicyProblem problem : problems) {
            String field = problem.field();
            if (field.equals("conditions") || field.equals("enabled")) {
                if (errors.getGlobalErrors().stream().noneMatch(e -> problem.code().equals(e.getCode()))) {
                    errors.reject(problem.code(), shown(problem.args()), null);
                }
            } else if (!errors.hasFieldErrors(field)) {
                errors.rejectValue(field, problem.code(), shown(problem.args()), null);
            }
        }
    }

    /** Arguments as the message shows them: an enum by its {@code enum.<Type>.<NAME>} text, numbers as plain digits. */
    private static Object[] shown(Object[] arguments) {
        Object[] shown = new Object[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
            shown[i] = switch (arguments[i]) {
                case Enum<?> e -> new DefaultMessageSourceResolvable(new String[] {
                        "enum." + e.getDeclaringClass().getSimpleName() + "." + e.name()}, e.name());
                case Long number -> number.toString();
                case Integer number -> number.toString();
                case null, default -> arguments[i];
            };
        }
        return shown;
    }
}
