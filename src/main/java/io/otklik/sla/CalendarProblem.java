package io.otklik.sla;

import java.util.List;

/** One thing wrong with a calendar as written: the field it belongs to, a message code and its arguments. */
public record CalendarProblem(String field, String code, List<Object> arguments) {

    public CalendarProblem(String field, String code, Object... arguments) {
        this(field, code, List.of(arguments));
    }

    public CalendarProblem {
        arguments = List.copyOf(arguments);
    }

    public Object[] args() {
        return arguments.toArray();
    }
}
