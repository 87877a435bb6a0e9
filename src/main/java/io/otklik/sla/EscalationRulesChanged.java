package io.otklik.sla;

/**
 * A policy's escalation rules were added, deleted, switched on or off: when its running clocks are to be looked at
 * next is to be worked out again.
 */
public record EscalationRulesChanged(SlaPolicyId policy) {
}
