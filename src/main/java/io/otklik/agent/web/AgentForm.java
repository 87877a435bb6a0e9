package io.otklik.agent.web;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.otklik.agent.NewAgent;
import io.otklik.agent.TeamId;
import io.otklik.agent.TicketScope;
import io.otklik.identity.Role;

/** The form that adds a staff member: their account (email, password, role, language) and their teams. */
record AgentForm(
        @NotBlank(message = "{agent.form.name-required}") @Size(max = 200, message = "{agent.form.name-too-long}")
        String name,
        @NotBlank(message = "{agent.form.email-required}") @Email(message = "{agent.form.email-invalid}")
        @Size(max = 320, message = "{agent.form.email-invalid}")
        String email,
        @NotNull(message = "{agent.password-too-short}") @Size(min = 8, message = "{agent.password-too-short}")
        @Size(max = 200, message = "{agent.form.password-too-long}")
        String password,
        @NotNull(message = "{agent.form.role-required}") Role role,
        @NotNull(message = "{agent.form.scope-required}") TicketScope scope,
        Set<Long> teams,
        @NotNull(message = "{agent.form.language-required}") @Pattern(regexp = "ru|en",
                message = "{agent.form.language-required}")
        String language) {

    static AgentForm empty() {
        return new AgentForm("", "", "", Role.AGENT, TicketScope.ALL, Set.of(), "ru");
    }

    NewAgent toNewAgent() {
        Set<TeamId> teamIds = teams == null ? Set.of()
                : teams.stream().map(TeamId::new).collect(Collectors.toUnmodifiableSet());
        return new NewAgent(name.strip(), email.strip(), password, role, scope, teamIds, Locale.of(language));
    }
}
