package io.otklik.portal.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.otklik.customer.CustomerCard;
import io.otklik.customer.CustomerDirectory;
import io.otklik.identity.CustomerAccounts;
import io.otklik.shared.RuleViolationException;
import io.otklik.shared.SupportedLanguages;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The customer's profile: their name, the language of the portal and of mail to them, and a password (optional:
 * links work without one; a customer who came by link can set one here).
 */
@Controller
class PortalProfileController {

    private final PortalCustomer customer;
    private final CustomerDirectory customers;
    private final CustomerAccounts accounts;
    private final LocaleResolver locales;
    private final MessageSource messages;

    PortalProfileController(PortalCustomer customer, CustomerDirectory customers, CustomerAccounts accounts,
            LocaleResolver locales, MessageSource messages) {
        this.customer = customer;
        this.customers = customers;
        this.accounts = accounts;
        this.locales = locales;
        this.messages = messages;
    }

    @GetMapping("/portal/profile")
    String profile(Model model, Locale locale) {
        CustomerCard card = customer.card();
        return page(model, card.name(), accounts.languageOf(card.id().value()).orElse(locale).getLanguage());
    }

    @PostMapping("/portal/profile")
    String save(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String language,
            Model model, Locale locale, HttpServletRequest request, HttpServletResponse response,
            RedirectAttributes redirect) {
        boolean knownLanguage = SupportedLanguages.ALL.stream().anyMatch(l -> l.getLanguage().equals(language));
        if (!knownLanguage) {
            model.addAttribute("languageError", messages.getMessage("portal.profile.language-invalid", null, locale));
            response.setStatus(422);
            return page(model, name, locale.getLanguage());
        }
        try {
            customers.rename(customer.id(), name);
        } catch (RuleViolationException e) {
            model.addAttribute("nameError", e.message(messages, locale));
            response.setStatus(422);
            return page(model, name, language);
        }
        Locale chosen = Locale.of(language);
        accounts.changeLanguage(customer.id().value(), chosen);
        locales.setLocale(request, response, chosen);
        redirect.addFlashAttribute("profileSaved", true);
        return "redirect:/portal/profile";
    }

    @PostMapping("/portal/profile/password")
    String setPassword(@RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "") String repeat, Model model, Locale locale, HttpServletResponse response,
            RedirectAttributes redirect) {
        String error = null;
        if (!password.equals(repeat)) {
            error = messages.getMessage("portal.profile.password-mismatch", null, locale);
        } else {
            try {
                accounts.setPassword(customer.id().value(), password);
            } catch (RuleViolationException e) {
                error = e.message(messages, locale);
            }
        }
        if (error != null) {
            model.addAttribute("passwordError", error);
            response.setStatus(422);
            CustomerCard card = customer.card();
            return page(model, card.name(), accounts.languageOf(card.id().value()).orElse(locale).getLanguage());
        }
        redirect.addFlashAttribute("passwordSaved", true);
        return "redirect:/portal/profile";
    }

    private String page(Model model, String name, String language) {
        CustomerCard card = customer.card();
        model.addAttribute("card", card);
        model.addAttribute("name", name);
        model.addAttribute("language", language);
        model.addAttribute("languages", SupportedLanguages.ALL.stream().map(Locale::getLanguage).toList());
        model.addAttribute("hasPassword", accounts.hasPassword(card.id().value()));
        model.addAttribute("minPassword", CustomerAccounts.MIN_PASSWORD);
        return "portal/profile";
    }
}
