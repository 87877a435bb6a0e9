package io.otklik.channel.email.web;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import io.otklik.channel.email.InvalidPostmasterRule;
import io.otklik.channel.email.PostmasterAction;
import io.otklik.channel.email.PostmasterCondition;
import io.otklik.channel.email.PostmasterRuleAdministration;
import io.otklik.channel.email.PostmasterRuleDetails;
import io.otklik.channel.email.PostmasterRuleId;
import io.otklik.channel.email.PostmasterRuleProblem;
import io.otklik.channel.email.PostmasterRuleView;
import io.otklik.ticket.Priority;
import io.otklik.ticket.RoutingTargets;

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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Postmaster rules": what happens to incoming mail before it becomes a ticket. The ordered list (moved up and down,
 * switched on and off), the form that adds or changes a rule, deleting one, and "Test against a message", which
 * tries the saved rules on a pasted mail (htmx; a whole page without script).
 */
@Controller
@RequestMapping("/admin/postmaster-rules")
class PostmasterRulesController {

    private static final String LIST = "channel/postmaster-rules";
    private static final String FORM = "channel/postmaster-rule";
    /** The most pasted text "Test against a message" reads, in characters. */
    static final int MAX_TEST_MAIL = 1_000_000;

    private final PostmasterRuleAdministration administration;
    private final RoutingTargets targets;

    PostmasterRulesController(PostmasterRuleAdministration administration, RoutingTargets targets) {
        this.administration = administration;
        this.targets = targets;
    }

    @GetMapping
    String list(Model model) {
        return list(model, "");
    }

    @GetMapping("/new")
    String blank(Model model) {
        model.addAttribute("form", PostmasterRuleForm.blank());
        return form(model, null);
    }

    @PostMapping
    String create(@Valid @ModelAttribute("form") PostmasterRuleForm form, BindingResult errors, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        PostmasterRuleDetails details = form.details();
        problems(form, details, details.problems(), errors);
        if (!errors.hasErrors()) {
            try {
                administration.create(details);
                redirect.addFlashAttribute("saved", details.name());
                return "redirect:/admin/postmaster-rules";
            } catch (AccessDeniedException e) {
                model.addAttribute("notAllowed", true);
            } catch (InvalidPostmasterRule e) {
                problems(form, details, e.problems(), errors);
            }
        }
        response.setStatus(Boolean.TRUE.equals(model.getAttribute("notAllowed")) ? 403 : 422);
        return form(model, null);
    }

    @GetMapping("/{id:\\d+}")
    String edit(@PathVariable long id, Model model) {
        PostmasterRuleView rule = administration.rule(new PostmasterRuleId(id));
        model.addAttribute("form", PostmasterRuleForm.of(rule));
        return form(model, rule);
    }

    @PostMapping("/{id:\\d+}")
    String update(@PathVariable long id, @Valid @ModelAttribute("form") PostmasterRuleForm form, BindingResult errors,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        PostmasterRuleView rule = administration.rule(new PostmasterRuleId(id));
        PostmasterRuleDetails details = form.details();
        problems(form, details, details.problems(), errors);
        if (!errors.hasErrors()) {
            try {
                administration.update(rule.id(), details);
                redirect.addFlashAttribute("saved", details.name());
                return "redirect:/admin/postmaster-rules";
            } catch (AccessDeniedException e) {
                model.addAttribute("notAllowed", true);
            } catch (InvalidPostmasterRule e) {
                problems(form, details, e.problems(), errors);
            }
        }
        response.setStatus(Boolean.TRUE.equals(model.getAttribute("notAllowed")) ? 403 : 422);
        return form(model, rule);
    }

    @PostMapping("/{id:\\d+}/delete")
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        PostmasterRuleView rule = administration.rule(new PostmasterRuleId(id));
        try {
            administration.delete(rule.id());
            redirect.addFlashAttribute("deleted", rule.name());
        } catch (AccessDeniedException e) {
            redirect.addFlashAttribute("notAllowed", true);
        }
        return "redirect:/admin/postmaster-rules";
    }

    @PostMapping("/{id:\\d+}/move")
    String move(@PathVariable long id, @RequestParam String direction, RedirectAttributes redirect) {
        try {
            administration.move(new PostmasterRuleId(id), "up".equals(direction));
        } catch (AccessDeniedException e) {
            redirect.addFlashAttribute("notAllowed", true);
        }
        return "redirect:/admin/postmaster-rules";
    }

    @PostMapping("/{id:\\d+}/enabled")
    String enable(@PathVariable long id, @RequestParam boolean enabled, RedirectAttributes redirect) {
        try {
            administration.enable(new PostmasterRuleId(id), enabled);
        } catch (AccessDeniedException e) {
            redirect.addFlashAttribute("notAllowed", true);
        }
        return "redirect:/admin/postmaster-rules";
    }

    /** Tries the saved rules on a pasted mail: the result region for htmx, the whole list page otherwise. */
    @PostMapping("/test")
    String test(@RequestParam(defaultValue = "") String mail,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
            HttpServletResponse response) {
        if (mail.isBlank()) {
            model.addAttribute("testProblem", "postmaster.test.empty");
            response.setStatus(422);
        } else if (mail.length() > MAX_TEST_MAIL) {
            model.addAttribute("testProblem", "postmaster.test.too-large");
            response.setStatus(422);
        } else {
            model.addAttribute("trial", administration.test(mail.getBytes(StandardCharsets.UTF_8)));
            model.addAttribute("teamNames", names(targets.teams()));
            model.addAttribute("categoryNames", names(targets.categories()));
        }
        if (htmx != null) {
            return LIST + " :: test-result";
        }
        return list(model, mail);
    }

    private String list(Model model, String mail) {
        model.addAttribute("rules", administration.rules());
        model.addAttribute("teamNames", names(targets.teams()));
        model.addAttribute("categoryNames", names(targets.categories()));
        model.addAttribute("mail", mail);
        return LIST;
    }

    private String form(Model model, PostmasterRuleView rule) {
        model.addAttribute("rule", rule);
        model.addAttribute("fields", PostmasterCondition.Field.values());
        model.addAttribute("operators", PostmasterCondition.Operator.values());
        model.addAttribute("priorities", Priority.values());
        model.addAttribute("teams", targets.teams());
        model.addAttribute("categories", targets.categories());
        return FORM;
    }

    /** Puts each problem next to the form field it belongs to; one already marked there is not repeated. */
    private static void problems(PostmasterRuleForm form, PostmasterRuleDetails details,
            List<PostmasterRuleProblem> problems, BindingResult errors) {
        for (PostmasterRuleProblem problem : problems) {
            String field = fieldOf(form, details, problem.field());
            if (field == null) {
                if (errors.getGlobalErrors().stream().noneMatch(e -> problem.code().equals(e.getCode()))) {
                    errors.reject(problem.code(), problem.args(), null);
                }
            } else if (!errors.hasFieldErrors(field)) {
                errors.rejectValue(field, problem.code(), problem.args(), null);
            }
        }
    }

    /** The form field of a problem's field: a condition's row, an action's own field; null for the whole rule. */
    private static String fieldOf(PostmasterRuleForm form, PostmasterRuleDetails details, String field) {
        if (field.equals("name")) {
            return "name";
        }
        if (field.startsWith("conditions[")) {
            int close = field.indexOf(']');
            int condition = Integer.parseInt(field.substring("conditions[".length(), close));
            return "conditions[" + form.conditionRow(condition) + "]" + field.substring(close + 1);
        }
        if (field.startsWith("actions[")) {
            int action = Integer.parseInt(field.substring("actions[".length(), field.indexOf(']')));
            PostmasterAction.Kind kind = details.actions().get(action).kind();
            return kind == null ? null : PostmasterRuleForm.fieldOf(kind);
        }
        return null;
    }

    private static Map<Long, String> names(List<RoutingTargets.Target> targets) {
        Map<Long, String> names = new LinkedHashMap<>();
        targets.forEach(target -> names.put(target.id(), target.name()));
        return names;
    }
}
