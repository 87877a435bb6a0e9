package io.otklik.sla;

/**
 * A policy was created, edited, moved in the order, switched on or off, or deleted: due times of open tickets are to
 * be computed again.
 */
public record SlaPolicyChanged(SlaPolicyId id) {
}
