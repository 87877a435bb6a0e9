package io.otklik.shared;

import java.util.List;
import java.util.Locale;

/** The languages Otklik speaks: Russian first (the default), English second. */
public final class SupportedLanguages {

    public static final Locale RUSSIAN = Locale.of("ru");
    public static final List<Locale> ALL = List.of(RUSSIAN, Locale.ENGLISH);

    private SupportedLanguages() {
    }

    /** Our language closest to an Accept-Language header, or null when it names none of ours (or is malformed). */
    public static Locale fromHeader(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return null;
        }
        try {
            return Locale.lookup(Locale.LanguageRange.parse(acceptLanguage), ALL);
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }

    /** The supported language of the same tongue, else Russian. */
    public static Locale nearest(Locale locale) {
        return ALL.stream().filter(s -> s.getLanguage().equals(locale.getLanguage())).findFirst().orElse(RUSSIAN);
    }
}
