package io.otklik.sla.web;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.otklik.shared.NotFoundException;
import io.otklik.shared.RuleViolationException;
import io.otklik.sla.InvalidSlaPolicy;
import io.otklik.sla.PolicyDryRun;
import io.otklik.sla.PolicyProblem;
import io.otklik.sla.SlaPolicyAdministration;
import io.otklik.sla.SlaPolicyId;
import io.otklik.sla.SlaPolicyView;
import io.otklik.ticket.TicketDetails;
import io.otklik.ticket.TicketId;
import io.otklik.ticket.TicketQueries;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Try on past tickets" on the policy form: the policy as it stands in the form, saved or not, is clocked on the
 * tickets of the last days beside the real clocks ({@link PolicyDryRun}); answers a region of the form. Nothing is
 * saved, so problems are told in the region (status 200, so that the page shows them) rather than refused.
 */
@Controller
@RequestMapping("/admin/sla-policies")
class PolicyDryRunController {

    private static final String RESULT = "sla/policy-dry-run :: result";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private final PolicyDryRun dryRun;
    private final SlaPolicyAdministration administration;
    private final TicketQueries tickets;
    private final MessageSource messages;
    private final ZoneId zone;

    PolicyDryRunController(PolicyDryRun dryRun, SlaPolicyAdministration administration, TicketQueries tickets,
            MessageSource messages, @Value("${otklik.time-zone:Europe/Moscow}") ZoneId zone) {
        this.dryRun = dryRun;
        this.administration = administration;
        this.tickets = tickets;
        this.messages = messages;
        this.zone = zone;
    }

    /** One target compared: its name, tickets counted, the candidate's and the real breach rate, examples. */
    record Line(String target, String name, int applies, String rate, String realRate, boolean worse,
            List<Example> nowBreached, List<Example> nowMet) {
    }

    /** A ticket whose outcome would change: its number and subject, for a link. */
    record Example(long id, String reference, String subject) {
    }

    @PostMapping("/dry-run")
    String tryNew(@ModelAttribute("form") PolicyForm form, @RequestParam(required = false) String days, Model model,
            Locale locale) {
        return run(form, null, days, model, locale);
    }

    @PostMapping("/{id:\\d+}/dry-run")
    String tryChanged(@PathVariable long id, @ModelAttribute("form") PolicyForm form,
            @RequestParam(required = false) String days, Model model, Locale locale) {
        SlaPolicyView policy = administration.policy(new SlaPolicyId(id));
        return run(policy.isDefault() ? form.asDefault() : form, policy.id(), days, model, locale);
    }

    private String run(PolicyForm form, SlaPolicyId replacing, String days, Model model, Locale locale) {
        model.addAttribute("maxDays", PolicyDryRun.MAX_DAYS);
        Integer period = days(days);
        if (period == null) {
            return problems(model, List.of(msg(locale, "sla-dry-run.days", PolicyDryRun.MAX_DAYS)));
        }
        PolicyForm.Read read = form.read();
        if (!read.problems().isEmpty()) {
            return problems(model, texts(read.problems(), locale));
        }
        PolicyDryRun.Result result;
        try {
            result = dryRun.evaluate(read.details(), replacing, period);
        } catch (InvalidSlaPolicy e) {
            return problems(model, texts(e.problems(), locale));
        } catch (RuleViolationException e) {
            return problems(model, List.of(e.message(messages, locale)));
        }
        Map<Long, Example> examples = new LinkedHashMap<>();
        List<Line> lines = new ArrayList<>();
        for (PolicyDryRun.TargetOutcome outcome : result.targets()) {
            lines.add(new Line(outcome.target().name(), msg(locale, "sla-policy.kind." + outcome.target()),
                    outcome.applies(), rate(outcome.breachRate(), outcome.breached(), outcome.applies(), locale),
                    rate(outcome.realBreachRate(), outcome.realBreached(), outcome.real(), locale),
                    outcome.breachRate() != null && outcome.realBreachRate() != null
                            && outcome.breachRate() > outcome.realBreachRate(),
                    examples(outcome.nowBreached(), examples), examples(outcome.nowMet(), examples)));
        }
        model.addAttribute("lines", lines);
        model.addAttribute("summary", msg(locale, "sla-dry-run.summary", result.tried(), result.days(),
                DATE.format(result.since().atZone(zone))));
        model.addAttribute("capped", result.capped()
                ? msg(locale, "sla-dry-run.capped", PolicyDryRun.MAX_TICKETS) : null);
        return RESULT;
    }

    private String problems(Model model, List<String> problems) {
        model.addAttribute("problems", problems);
        return RESULT;
    }

    private static Integer days(String text) {
        if (text == null || text.isBlank()) {
            return PolicyDryRun.DEFAULT_DAYS;
        }
        try {
            int days = Integer.parseInt(text.strip());
            return days >= 1 && days <= PolicyDryRun.MAX_DAYS ? days : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** "25 % (5 of 20)"; a dash when there is nothing to count. */
    private String rate(Double rate, int breached, int of, Locale locale) {
        return rate == null ? "—" : msg(locale, "sla-dry-run.rate", Math.round(rate * 100), breached, of);
    }

    /** The tickets with their numbers and subjects, each read once; one gone meanwhile is left out. */
    private List<Example> examples(List<TicketId> ids, Map<Long, Example> known) {
        List<Example> shown = new ArrayList<>();
        for (TicketId id : ids) {
            Example example = known.get(id.value());
            if (example == null) {
                try {
                    TicketDetails ticket = tickets.details(id);
                    example = new Example(id.value(), ticket.reference(), ticket.subject());
                    known.put(id.value(), example);
                } catch (NotFoundException gone) {
                    continue;
                }
            }
            shown.add(example);
        }
        return shown;
    }

    private List<String> texts(List<PolicyProblem> problems, Locale locale) {
        List<String> texts = new ArrayList<>();
        for (PolicyProblem problem : problems) {
            Object[] arguments = problem.args().clone();
            for (int i = 0; i < arguments.length; i++) {
                if (arguments[i] instanceof Enum<?> e) {
                    arguments[i] = new DefaultMessageSourceResolvable(new String[] {
                            "enum." + e.getDeclaringClass().getSimpleName() + "." + e.name()}, e.name());
                } else if (arguments[i] instanceof Number number) {
                    arguments[i] = number.toString();
                }
            }
            String text = messages.getMessage(problem.code(), arguments, locale);
            if (!texts.contains(text)) {
                texts.add(text);
            }
        }
        return texts;
    }

    private String msg(Locale locale, String key, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }
}
