package io.otklik.sla;

/** Identifies an internal target of a team or a support line ({@link OlaTarget}). */
public record OlaTargetId(long value) {

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
