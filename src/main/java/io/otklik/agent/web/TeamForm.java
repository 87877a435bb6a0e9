package io.otklik.agent.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.otklik.agent.SupportLine;

/** The form that creates a team on a support line. */
record TeamForm(
        @NotBlank(message = "{team.form.name-required}") @Size(max = 200, message = "{team.form.name-too-long}")
        String name,
        @NotNull(message = "{team.form.line-required}") SupportLine line) {

    static TeamForm empty() {
        return new TeamForm("", SupportLine.L1);
    }
}
