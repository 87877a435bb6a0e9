package io.otklik.identity.web;

import java.util.Locale;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** The language a staff member works in: Russian or English. */
record LanguageForm(
        @NotNull(message = "{settings.language.invalid}") @Pattern(regexp = "ru|en",
                message = "{settings.language.invalid}")
        String language) {

    Locale locale() {
        return Locale.of(language);
    }
}
