package io.otklik.agent;

import java.util.Locale;
import java.util.Set;

import io.otklik.identity.Role;

/** What it takes to add an agent: their account and their place in the teams. */
public record NewAgent(String name, String email, String password, Role role, TicketScope scope, Set<TeamId> teams,
        Locale locale) {
}
