package io.otklik.sla;

/** Identifies a service-level policy. */
public record SlaPolicyId(long value) {

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
