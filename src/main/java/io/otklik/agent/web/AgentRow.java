package io.otklik.agent.web;

import java.util.List;

import io.otklik.agent.TicketScope;
import io.otklik.identity.Role;

/** One line of the staff list, with team names resolved and sorted. */
record AgentRow(String name, String email, Role role, TicketScope scope, List<String> teams) {
}
