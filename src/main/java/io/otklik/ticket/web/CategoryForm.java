package io.otklik.ticket.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The form that adds a request category. */
record CategoryForm(
        @NotBlank(message = "{category.form.name-required}")
        @Size(max = 200, message = "{category.form.name-too-long}")
        String name) {

    static CategoryForm empty() {
        return new CategoryForm("");
    }
}
