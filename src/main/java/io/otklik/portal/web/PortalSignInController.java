package io.otklik.portal.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.otklik.identity.CustomerLinkState;
import io.otklik.identity.CustomerSignIn;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Signing in to the portal: with a password (Spring Security takes the form post), or with a one-time link sent
 * by mail. Opening a link only shows what it is worth; the button on that page uses it, so a mail program that
 * opens links to preview them does not spend the customer's link.
 */
@Controller
class PortalSignInController {

    private final CustomerSignIn signIn;

    PortalSignInController(CustomerSignIn signIn) {
        this.signIn = signIn;
    }

    @GetMapping("/portal/login")
    String signInPage(@RequestParam(required = false) String email, Model model) {
        model.addAttribute("email", email == null ? "" : email);
        return "portal/login";
    }

    /** Sends a link when the address is a customer's; the answer is the same either way. */
    @PostMapping("/portal/login/link")
    String sendLink(@RequestParam(defaultValue = "") String email, Locale locale, Model model,
            RedirectAttributes redirect) {
        String address = email.strip();
        if (address.isEmpty() || address.length() > 320 || !address.contains("@")) {
            model.addAttribute("email", address);
            model.addAttribute("linkError", true);
            return "portal/login";
        }
        signIn.sendLink(address, locale);
        redirect.addFlashAttribute("email", address);
        return "redirect:/portal/login/link-sent";
    }

    @GetMapping("/portal/login/link-sent")
    String linkSent(Model model) {
        model.addAttribute("minutes", signIn.linkValidity().toMinutes());
        return "portal/link-sent";
    }

    @GetMapping("/portal/link/{token}")
    String link(@PathVariable String token, @RequestParam(required = false) String next, Model model,
            HttpServletResponse response) {
        model.addAttribute("next", portalPath(next));
        return linkPage(token, signIn.check(token), model, response);
    }

    @PostMapping("/portal/link/{token}")
    String useLink(@PathVariable String token, @RequestParam(required = false) String next, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        CustomerLinkState state = signIn.signInWithLink(token, request, response);
        if (state == CustomerLinkState.VALID) {
            String target = portalPath(next);
            return "redirect:" + (target == null ? "/portal/tickets" : target);
        }
        return linkPage(token, state, model, response);
    }

    /**
     * Where a link from one of our mails leads after signing in (a ticket's page); only a path inside the portal,
     * so a link can never send the customer to another site.
     */
    static String portalPath(String next) {
        if (next == null || !next.startsWith("/portal/") || next.contains("//") || next.contains("\\")
                || next.chars().anyMatch(c -> c < 0x20)) {
            return null;
        }
        return next;
    }

    /** A link that does not work says why (404 unknown, 410 expired or used) and offers to send a new one. */
    private static String linkPage(String token, CustomerLinkState state, Model model, HttpServletResponse response) {
        if (state == CustomerLinkState.UNKNOWN) {
            response.setStatus(404);
        } else if (state != CustomerLinkState.VALID) {
            response.setStatus(410);
        }
        model.addAttribute("token", token);
        model.addAttribute("state", state);
        model.addAttribute("email", "");
        return "portal/link";
    }
}
