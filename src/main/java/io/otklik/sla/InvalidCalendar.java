package io.otklik.sla;

import java.util.List;

import io.otklik.shared.RuleViolationException;

/** A calendar change that cannot be saved as written; says everything that is wrong, the first as its message. */
public class InvalidCalendar extends RuleViolationException {

    private final transient List<CalendarProblem> problems;

    public InvalidCalendar(List<CalendarProblem> problems) {
        super(problems.getFirst().code(), problems.getFirst().args());
        this.problems = List.copyOf(problems);
    }

    public InvalidCalendar(CalendarProblem problem) {
        this(List.of(problem));
    }

    public List<CalendarProblem> problems() {
        return problems;
    }
}
