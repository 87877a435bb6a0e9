package io.otklik.customer.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The form that creates an organization; people writing from its email domain join it on their own. */
record OrganizationForm(
        @NotBlank(message = "{organization.form.name-required}")
        @Size(max = 200, message = "{organization.form.name-too-long}")
        String name,
        @Size(max = 200, message = "{organization.form.domain-invalid}")
        @Pattern(regexp = "\\s*@?([\\p{L}\\p{N}]([\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?\\.)+[\\p{L}]{2,}\\s*|\\s*",
                message = "{organization.form.domain-invalid}")
        String domain) {

    static OrganizationForm empty() {
        return new OrganizationForm("", "");
    }

    /** The domain as people type it ("@romashka.ru", " Romashka.RU ") reduced to "romashka.ru", or none. */
    String cleanDomain() {
        if (domain == null || domain.isBlank()) {
            return null;
        }
        String value = domain.strip();
        return value.startsWith("@") ? value.substring(1) : value;
    }
}
