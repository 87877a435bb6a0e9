package io.otklik.sla;

/** An internal target was added, changed, switched on or off, or deleted: open tickets' rounds are to be computed again. */
public record OlaTargetChanged(OlaTargetId id) {
}
