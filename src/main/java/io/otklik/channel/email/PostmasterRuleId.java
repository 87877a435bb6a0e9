package io.otklik.channel.email;

/** Identifies a postmaster rule. */
public record PostmasterRuleId(long value) {

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
