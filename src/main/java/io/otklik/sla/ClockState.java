package io.otklik.sla;

/** Where a service-level clock stands. */
public enum ClockState {
    /** Counting business time towards its due time. */
    RUNNING,
    /** Standing still while the ticket waits (a status the policy pauses in); counts on when the status leaves it. */
    PAUSED,
    /** Done: answered, or solved; achieved time and breach are final (until a reopen resumes it). */
    STOPPED
}
