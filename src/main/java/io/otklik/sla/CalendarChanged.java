package io.otklik.sla;

/**
 * A business calendar was created, changed (its hours, zone, holidays or dated entries), deleted, or became or
 * stopped being the default one; published after the change commits. Due times counted on it are stale.
 */
public record CalendarChanged(long id) {

    public BusinessCalendarId calendar() {
        return new BusinessCalendarId(id);
    }
}
