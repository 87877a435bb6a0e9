package io.otklik.sla;

/** What an internal target (OLA) of a team or a line measures, for the part of a ticket it holds. */
public enum OlaKind {
    /** From when the ticket comes to the team or line to the first message (reply or note) of one of its agents. */
    RESPONSE,
    /** While the team or line holds the ticket, until it is solved or handed on to another. */
    RESOLUTION
}
