package io.otklik.system;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import io.otklik.identity.Accounts;

import org.springframework.web.servlet.LocaleResolver;

/**
 * Picks the language of a request: the one the user chose (kept in the session and in their account), else a
 * cookie from an earlier choice, else the browser's preference among Russian and English, else Russian.
 */
class Languages implements LocaleResolver {

    static final Locale RUSSIAN = Locale.of("ru");
    static final List<Locale> SUPPORTED = List.of(RUSSIAN, Locale.ENGLISH);
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
            return supported(user.get().locale());
        }
        if (request.getCookies() != null) {
            for (Cookie cookie : request.getCookies()) {
                if (COOKIE.equals(cookie.getName())) {
                    return supported(Locale.of(cookie.getValue()));
                }
            }
        }
        Locale asked = fromHeader(request);
        return asked == null ? RUSSIAN : asked;
    }

    /** The browser's (or API caller's) preferred language among ours, if it names one. */
    static Locale fromHeader(HttpServletRequest request) {
        String header = request.getHeader("Accept-Language");
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            return Locale.lookup(Locale.LanguageRange.parse(header), SUPPORTED);
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        Locale chosen = supported(locale == null ? RUSSIAN : locale);
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

    static Locale supported(Locale locale) {
        return SUPPORTED.stream().filter(s -> s.getLanguage().equals(locale.getLanguage())).findFirst()
                .orElse(RUSSIAN);
    }
}
