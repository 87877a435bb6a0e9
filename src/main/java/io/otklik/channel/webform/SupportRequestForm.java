package io.otklik.channel.webform;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * What a person sends through the public form. {@code website} is a trap for scripts: people never see it, so it
 * stays empty; {@code stamp} says, signed, when the form was shown. Limits are the ticket's: a subject of up to 500
 * characters, a message of up to 200,000.
 */
record SupportRequestForm(
        @NotBlank(message = "{webform.name.required}") @Size(max = 200, message = "{error.too-long}") String name,
        @NotBlank(message = "{webform.email.required}") @Email(message = "{error.email}")
                @Size(max = 320, message = "{error.too-long}") String email,
        @NotBlank(message = "{webform.subject.required}") @Size(max = 500, message = "{error.too-long}") String subject,
        @NotBlank(message = "{webform.description.required}") @Size(max = 200_000, message = "{error.too-long}")
                String description,
        Long categoryId, String website, String stamp) {

    SupportRequestForm {
        name = name == null ? null : name.strip();
        email = email == null ? null : email.strip();
        subject = subject == null ? null : subject.strip();
    }

    static SupportRequestForm blank() {
        return new SupportRequestForm("", "", "", "", null, "", null);
    }

    boolean trapFilled() {
        return website != null && !website.isBlank();
    }
}
