package io.otklik.system;

import java.util.Locale;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import io.otklik.identity.Accounts;
import io.otklik.shared.SupportedLanguages;

import org.springframework.web.servlet.LocaleResolver;

/**
 * Picks the language of a request: the one the user chose (kept in the session and in their account), else a
 * cookie from an earlier choice, else the browser's preference among Russian and English, else Russian.
 */
class Languages implements LocaleResolver {

    static final Locale RUSSIAN = SupportedLanguages.RUSSIAN;
    static final String COOKIE = "otklik-lang";
    private static final String CHOSEN_NOW = Languages.class.getName() + ".chosen";

    private final Accounts accounts;

    Languages(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        if (request.getAttribute(CHOSEN_NOW) instanceof Locale chosen) {
            return chosen;
        }
        boolean api = request.getRequestURI().startsWith(request.getContextPath() + "/api/");
        if (api) {
            Locale asked = fromHeader(request);
            if (asked != null) {
                return asked;
            }
        }
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(Accounts.LOCALE_SESSION_ATTRIBUTE) instanceof Locale chosen) {
            return chosen;
        }
        var user = accounts.current();
        if (user.isPresent() && user.get().locale() != null) {
            return SupportedLanguages.nearest(user.get().locale());
        }
        if (request.getCookies() != null) {
            for (Cookie cookie : request.getCookies()) {
                if (COOKIE.equals(cookie.getName())) {
                    return SupportedLanguages.nearest(Locale.of(cookie.getValue()));
                }
            }
        }
        Locale asked = fromHeader(request);
        return asked == null ? RUSSIAN : asked;
    }

    static Locale fromHeader(HttpServletRequest request) {
        return SupportedLanguages.fromHeader(request.getHeader("Accept-Language"));
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        Locale chosen = SupportedLanguages.nearest(locale == null ? RUSSIAN : locale);
        request.setAttribute(CHOSEN_NOW, chosen);
        Cookie cookie = new Cookie(COOKIE, chosen.getLanguage());
        cookie.setPath("/");
        cookie.setMaxAge(365 * 24 * 3600);
        cookie.setHttpOnly(true);
        response.addCookie(cookie);
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.setAttribute(Accounts.LOCALE_SESSION_ATTRIBUTE, chosen);
        }
        accounts.current().ifPresent(user -> accounts.changeLocale(user.id(), chosen));
    }

}
