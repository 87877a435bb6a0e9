package io.otklik.channel.email.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import io.otklik.channel.InboundCounts;
import io.otklik.channel.InboundLog;
import io.otklik.channel.email.ConnectionCheck;
import io.otklik.channel.email.MailAccountAdministration;
import io.otklik.channel.email.MailAccountId;
import io.otklik.channel.email.MailAccountView;
import io.otklik.channel.email.MailSecurity;
import io.otklik.shared.ConflictException;
import io.otklik.shared.RuleViolationException;
import io.otklik.ticket.Channel;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Mailboxes": the IMAP accounts the email channel reads, each with its health and the way its replies leave; the
 * form that adds or changes one, "Test connection" (IMAP) and "Test outgoing connection" (SMTP), which try the
 * settings as entered (htmx) before they are saved.
 */
@Controller
@RequestMapping("/admin/mail-accounts")
class MailAccountsController {

    private static final String LIST = "channel/mail-accounts";
    private static final String FORM = "channel/mail-account";

    private final MailAccountAdministration administration;
    private final InboundLog inbound;

    MailAccountsController(MailAccountAdministration administration, InboundLog inbound) {
        this.administration = administration;
        this.inbound = inbound;
    }

    @GetMapping
    String list(Model model) {
        java.util.List<MailAccountView> accounts = administration.accounts();
        model.addAttribute("accounts", accounts);
        // Mails of each mailbox still waiting to be processed, and given up on (see "Incoming mail").
        java.util.Map<Long, InboundCounts> unsettled = inbound.unsettledByAccount(Channel.EMAIL);
        model.addAttribute("inbound", accounts.stream().collect(java.util.stream.Collectors.toMap(
                a -> a.id().value(), a -> unsettled.getOrDefault(a.id().value(), InboundCounts.NONE))));
        return LIST;
    }

    @GetMapping("/new")
    String blank(Model model) {
        model.addAttribute("form", MailAccountForm.blank());
        return form(model, null);
    }

    @PostMapping
    String create(@Valid @ModelAttribute("form") MailAccountForm form, BindingResult errors, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        if (!errors.hasFieldErrors("password") && (form.password() == null || form.password().isEmpty())) {
            errors.rejectValue("password", "mail-account.form.password-required");
        }
        form.checkOutgoing(errors, false);
        if (!errors.hasErrors()) {
            try {
                administration.create(form.details());
                redirect.addFlashAttribute("saved", form.name().strip());
                return "redirect:/admin/mail-accounts";
            } catch (AccessDeniedException e) {
                model.addAttribute("notAllowed", true);
            } catch (ConflictException e) {
                errors.rejectValue("name", e.code(), e.arguments(), null);
            } catch (RuleViolationException e) {
                errors.reject(e.code(), e.arguments(), null);
            }
        }
        response.setStatus(Boolean.TRUE.equals(model.getAttribute("notAllowed")) ? 403 : 422);
        return form(model, null);
    }

    @GetMapping("/{id:\\d+}")
    String edit(@PathVariable long id, Model model) {
        MailAccountView account = administration.account(new MailAccountId(id));
        model.addAttribute("form", MailAccountForm.of(account));
        return form(model, account);
    }

    @PostMapping("/{id:\\d+}")
    String update(@PathVariable long id, @Valid @ModelAttribute("form") MailAccountForm form, BindingResult errors,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        MailAccountView account = administration.account(new MailAccountId(id));
        if (!account.sandbox()) {
            form.checkOutgoing(errors, account.smtp() != null && account.smtp().passwordSaved());
        }
        if (!errors.hasErrors()) {
            try {
                administration.update(account.id(), form.details());
                redirect.addFlashAttribute("saved", form.name().strip());
                return "redirect:/admin/mail-accounts";
            } catch (AccessDeniedException e) {
                model.addAttribute("notAllowed", true);
            } catch (ConflictException e) {
                errors.rejectValue("name", e.code(), e.arguments(), null);
            } catch (RuleViolationException e) {
                errors.reject(e.code(), e.arguments(), null);
            }
        }
        response.setStatus(Boolean.TRUE.equals(model.getAttribute("notAllowed")) ? 403 : 422);
        return form(model, account);
    }

    @PostMapping("/{id:\\d+}/enabled")
    String enable(@PathVariable long id, @RequestParam boolean enabled, RedirectAttributes redirect) {
        try {
            administration.enable(new MailAccountId(id), enabled);
        } catch (AccessDeniedException e) {
            redirect.addFlashAttribute("notAllowed", true);
        }
        return "redirect:/admin/mail-accounts";
    }

    /** Tries the settings as entered in the form of a new mailbox. */
    @PostMapping("/test")
    String testNew(@ModelAttribute("form") MailAccountForm form, BindingResult typed, Model model) {
        return test(form, null, model);
    }

    /** Tries the settings as entered in a saved mailbox's form; an empty password means the saved one. */
    @PostMapping("/{id:\\d+}/test")
    String testSaved(@PathVariable long id, @ModelAttribute("form") MailAccountForm form, BindingResult typed,
            Model model) {
        return test(form, new MailAccountId(id), model);
    }

    /** Tries a mailbox's saved settings (the list's button). */
    @PostMapping("/{id:\\d+}/check")
    String check(@PathVariable long id, Model model) {
        model.addAttribute("check", administration.test(new MailAccountId(id)));
        return FORM + " :: test-result";
    }

    /** Tries the outgoing settings as entered in the form of a new mailbox; sends nothing. */
    @PostMapping("/smtp-test")
    String testNewSmtp(@ModelAttribute("form") MailAccountForm form, BindingResult typed, Model model) {
        return testSmtp(form, null, model);
    }

    /** Tries the outgoing settings as entered in a saved mailbox's form; an empty password means the saved one. */
    @PostMapping("/{id:\\d+}/smtp-test")
    String testSavedSmtp(@PathVariable long id, @ModelAttribute("form") MailAccountForm form, BindingResult typed,
            Model model) {
        return testSmtp(form, new MailAccountId(id), model);
    }

    private String testSmtp(MailAccountForm form, MailAccountId saved, Model model) {
        if (form.hasSmtpHost() && (!form.hasSmtpPort() || form.smtpSecurity() == null)) {
            model.addAttribute("smtpIncomplete", true);
        } else {
            try {
                model.addAttribute("smtpCheck", administration.testSmtp(form.details(), saved));
            } catch (AccessDeniedException e) {
                model.addAttribute("smtpTestNotAllowed", true);
            }
        }
        return FORM + " :: smtp-test-result";
    }

    private String test(MailAccountForm form, MailAccountId saved, Model model) {
        if (blank(form.host()) || blank(form.username()) || !form.hasPort() || form.security() == null) {
            model.addAttribute("incomplete", true);
        } else {
            try {
                ConnectionCheck check = administration.test(form.details(), saved);
                model.addAttribute("check", check);
            } catch (AccessDeniedException e) {
                model.addAttribute("testNotAllowed", true);
            }
        }
        return FORM + " :: test-result";
    }

    private String form(Model model, MailAccountView account) {
        model.addAttribute("account", account);
        model.addAttribute("securities", MailSecurity.values());
        return FORM;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
