package io.otklik.sla;

import java.util.List;

/** One thing wrong with an internal target as written: the field it belongs to, a message code and its arguments. */
public record OlaTargetProblem(String field, String code, List<Object> arguments) {

    public OlaTargetProblem(String field, String code, Object... arguments) {
        this(field, code, List.of(arguments));
    }

    public OlaTargetProblem {
        arguments = List.copyOf(arguments);
    }

    public Object[] args() {
        return arguments.toArray();
    }
}
