package io.otklik.notification.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The subject and body an admin writes for a notification template. */
record TemplateForm(
        @NotBlank(message = "{notification.template.subject-required}")
        @Size(max = 300, message = "{notification.template.subject-too-long}")
        String subject,
        @NotBlank(message = "{notification.template.body-required}")
        @Size(max = 20000, message = "{notification.template.body-too-long}")
        String body) {
}
