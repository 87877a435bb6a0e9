package io.otklik.identity.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The form that issues a personal API token; the name says where the token is used. */
record TokenForm(
        @NotBlank(message = "{token.name-invalid}") @Size(max = 100, message = "{token.name-invalid}")
        String name) {

    static TokenForm empty() {
        return new TokenForm("");
    }
}
