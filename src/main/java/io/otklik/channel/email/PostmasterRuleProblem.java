package io.otklik.channel.email;

import java.util.List;

/**
 * One thing wrong with a postmaster rule: the field it belongs to (see {@link PostmasterRuleDetails#problems()}),
 * a message code and its arguments.
 */
public record PostmasterRuleProblem(String field, String code, List<Object> arguments) {

    public PostmasterRuleProblem(String field, String code, Object... arguments) {
        this(field, code, List.of(arguments));
    }

    public PostmasterRuleProblem {
        arguments = List.copyOf(arguments);
    }

    public Object[] args() {
        return arguments.toArray();
    }
}
