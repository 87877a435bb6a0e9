package io.otklik.sla;

/** What a service-level clock measures. */
public enum ClockTarget {
    /** From arrival to the first public answer of an agent. */
    FIRST_RESPONSE,
    /** From a customer's message (after the first answer) to the next public answer of an agent. */
    NEXT_RESPONSE,
    /** Between public answers of agents while the ticket is unsolved. */
    PERIODIC_UPDATE,
    /** From arrival to solved, resumed by a reopen. */
    RESOLUTION
}
