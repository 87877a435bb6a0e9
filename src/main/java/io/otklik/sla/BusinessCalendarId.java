package io.otklik.sla;

/** Identifies a business calendar kept in the database. */
public record BusinessCalendarId(long value) {

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
