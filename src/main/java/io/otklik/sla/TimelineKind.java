package io.otklik.sla;

/** What happened to a clock, as its ticket's service-level timeline shows it. */
public enum TimelineKind {
    STARTED, PAUSED, RESUMED, STOPPED,
    /** The clock's policy or target changed (a field the policies match on changed); the time used is kept. */
    TARGET_CHANGED
}
