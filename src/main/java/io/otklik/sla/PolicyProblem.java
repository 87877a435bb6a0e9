package io.otklik.sla;

import java.util.List;

/** One thing wrong with a policy as written: the field it belongs to, a message code and its arguments. */
public record PolicyProblem(String field, String code, List<Object> arguments) {

    public PolicyProblem(String field, String code, Object... arguments) {
        this(field, code, List.of(arguments));
    }

    public PolicyProblem {
        arguments = List.copyOf(arguments);
    }

    public Object[] args() {
        return arguments.toArray();
    }
}
