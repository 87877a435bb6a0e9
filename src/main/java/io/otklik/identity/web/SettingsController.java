package io.otklik.identity.web;

import java.util.Locale;

import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;

import io.otklik.identity.Accounts;
import io.otklik.identity.ApiTokens;
import io.otklik.identity.CurrentUser;
import io.otklik.identity.IssuedToken;
import io.otklik.shared.SupportedLanguages;
import io.otklik.shared.RuleViolationException;

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
 * A staff member's own settings: the interface language and personal API tokens. A new token's secret is
 * written into the answer to the form post and kept nowhere else (not even in the session), so it is shown
 * exactly once.
 */
@Controller
@RequestMapping("/settings")
class SettingsController {

    private final Accounts accounts;
    private final ApiTokens tokens;

    SettingsController(Accounts accounts, ApiTokens tokens) {
        this.accounts = accounts;
        this.tokens = tokens;
    }

    @GetMapping
    String settings(Model model, Locale locale) {
        model.addAttribute("languageForm", new LanguageForm(locale.getLanguage()));
        model.addAttribute("tokenForm", TokenForm.empty());
        return page(model);
    }

    @PostMapping("/language")
    String changeLanguage(@Valid @ModelAttribute("languageForm") LanguageForm form, BindingResult errors,
            Model model, HttpSession session, RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            model.addAttribute("tokenForm", TokenForm.empty());
            return page(model);
        }
        accounts.changeLocale(accounts.requireCurrent().id(), form.locale());
        session.setAttribute(Accounts.LOCALE_SESSION_ATTRIBUTE, form.locale());
        redirect.addFlashAttribute("languageChanged", true);
        return "redirect:/settings";
    }

    @PostMapping("/tokens")
    String issueToken(@Valid @ModelAttribute("tokenForm") TokenForm form, BindingResult errors, Model model,
            Locale locale) {
        if (!errors.hasErrors()) {
            try {
                IssuedToken issued = tokens.issue(accounts.requireCurrent().id(), form.name());
                model.addAttribute("issued", issued);
                return "identity/token-issued";
            } catch (RuleViolationException e) {
                errors.rejectValue("name", e.code(), e.arguments(), null);
            }
        }
        model.addAttribute("languageForm", new LanguageForm(locale.getLanguage()));
        return page(model);
    }

    @PostMapping("/tokens/{id}/revoke")
    String revoke(@PathVariable long id, RedirectAttributes redirect) {
        tokens.revoke(accounts.requireCurrent().id(), id);
        redirect.addFlashAttribute("revoked", true);
        return "redirect:/settings";
    }

    private String page(Model model) {
        CurrentUser user = accounts.requireCurrent();
        model.addAttribute("languages", SupportedLanguages.ALL.stream().map(Locale::getLanguage).toList());
        model.addAttribute("tokens", tokens.of(user.id()));
        return "identity/settings";
    }
}
