package io.otklik.notification.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import io.otklik.notification.NotificationHistory;
import io.otklik.notification.NotificationKind;
import io.otklik.notification.NotificationPreview;
import io.otklik.notification.NotificationTemplate;
import io.otklik.notification.NotificationTemplates;
import io.otklik.shared.NotFoundException;
import io.otklik.shared.RuleViolationException;
import io.otklik.shared.SupportedLanguages;
import io.otklik.ticket.TicketId;

import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The notices of a ticket (a region of the agent's ticket page) and the admin screens for the templates: the list,
 * an editor with the variables at hand and a preview with sample values.
 */
@Controller
class NotificationsController {

    private final NotificationHistory history;
    private final NotificationTemplates templates;
    private final NotificationPreview preview;
    private final MessageSource messages;

    NotificationsController(NotificationHistory history, NotificationTemplates templates, NotificationPreview preview,
            MessageSource messages) {
        this.messages = messages;
        this.history = history;
        this.templates = templates;
        this.preview = preview;
    }

    @GetMapping("/tickets/{id}/notifications")
    String ofTicket(@PathVariable long id, Model model) {
        model.addAttribute("notifications", history.of(new TicketId(id)));
        return "notification/ticket-notifications :: notifications";
    }

    @GetMapping("/admin/notifications")
    String list(Model model) {
        Map<NotificationKind, List<NotificationTemplate>> byKind = new LinkedHashMap<>();
        for (NotificationTemplate template : templates.all()) {
            byKind.computeIfAbsent(template.kind(), kind -> new java.util.ArrayList<>()).add(template);
        }
        model.addAttribute("templates", byKind);
        return "notification/templates";
    }

    @GetMapping("/admin/notifications/{kind}/{language}")
    String edit(@PathVariable String kind, @PathVariable String language, Model model) {
        NotificationTemplate template = templates.template(kindOf(kind), languageOf(language));
        model.addAttribute("form", new TemplateForm(template.subject(), template.body()));
        return editor(template, model);
    }

    @PostMapping("/admin/notifications/{kind}/{language}")
    String save(@PathVariable String kind, @PathVariable String language,
            @Valid @ModelAttribute("form") TemplateForm form, BindingResult errors, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        NotificationKind notificationKind = kindOf(kind);
        Locale locale = languageOf(language);
        checkVariables(notificationKind, form, errors);
        if (!errors.hasErrors()) {
            try {
                templates.save(notificationKind, locale, form.subject(), form.body());
                redirect.addFlashAttribute("saved", true);
                return "redirect:/admin/notifications/" + kind + "/" + locale.getLanguage();
            } catch (AccessDeniedException e) {
                response.setStatus(HttpServletResponse.SC_FORBIDDEN);
                model.addAttribute("notAllowed", true);
            } catch (RuleViolationException e) {
                errors.rejectValue("body", e.code(), e.arguments(), null);
            }
        } else {
            response.setStatus(422);
        }
        return editor(templates.template(notificationKind, locale), model);
    }

    @PostMapping("/admin/notifications/{kind}/{language}/reset")
    String reset(@PathVariable String kind, @PathVariable String language, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        NotificationKind notificationKind = kindOf(kind);
        Locale locale = languageOf(language);
        try {
            templates.reset(notificationKind, locale);
        } catch (AccessDeniedException e) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            model.addAttribute("notAllowed", true);
            NotificationTemplate template = templates.template(notificationKind, locale);
            model.addAttribute("form", new TemplateForm(template.subject(), template.body()));
            return editor(template, model);
        }
        redirect.addFlashAttribute("reset", true);
        return "redirect:/admin/notifications/" + kind + "/" + locale.getLanguage();
    }

    /** The filled-in mail with sample values, as the recipient would see it; errors shown in place. */
    @PostMapping("/admin/notifications/{kind}/{language}/preview")
    String preview(@PathVariable String kind, @PathVariable String language,
            @Valid @ModelAttribute("form") TemplateForm form, BindingResult errors, Model model, Locale locale) {
        NotificationKind notificationKind = kindOf(kind);
        checkVariables(notificationKind, form, errors);
        if (errors.hasErrors()) {
            model.addAttribute("previewErrors", errors.getAllErrors().stream()
                    .map(error -> messages.getMessage(error, locale)).toList());
        } else {
            model.addAttribute("preview", preview.render(notificationKind, languageOf(language), form.subject(),
                    form.body()));
        }
        return "notification/template-edit :: preview";
    }

    private void checkVariables(NotificationKind kind, TemplateForm form, BindingResult errors) {
        Set<String> unknown = NotificationPreview.unknownVariables(kind, form.subject(), form.body());
        if (!unknown.isEmpty()) {
            errors.rejectValue("body", "notification.template.unknown-variable",
                    new Object[] {"{{" + String.join("}}, {{", unknown) + "}}"}, null);
        }
    }

    private String editor(NotificationTemplate template, Model model) {
        model.addAttribute("template", template);
        model.addAttribute("variables", template.kind().variables());
        return "notification/template-edit";
    }

    private static NotificationKind kindOf(String slug) {
        return NotificationKind.ofSlug(slug).orElseThrow(() -> new NotFoundException("notification.kind.not-found", slug));
    }

    private static Locale languageOf(String language) {
        return SupportedLanguages.ALL.stream().filter(l -> l.getLanguage().equals(language)).findFirst()
                .orElseThrow(() -> new NotFoundException("notification.language.not-found", language));
    }
}
