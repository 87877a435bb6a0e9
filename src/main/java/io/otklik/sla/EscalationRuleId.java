package io.otklik.sla;

/** Identifies an escalation rule. */
public record EscalationRuleId(long value) {

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
