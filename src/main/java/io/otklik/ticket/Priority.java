package io.otklik.ticket;

/** How urgent a ticket is, most urgent first. */
public enum Priority {
    /** Service down or the customer losing money now; no workaround. */
    CRITICAL,
    /** Performance loss, critical processes degraded, no workaround. */
    HIGH,
    /** Part of the system degraded, a workaround exists. */
    MEDIUM,
    /** Questions and cosmetic issues. */
    LOW
}
