package io.otklik.agent;

/** Which tickets an agent may see: all of them, or only their teams' and their own. */
public enum TicketScope {
    ALL, OWN_TEAMS
}
