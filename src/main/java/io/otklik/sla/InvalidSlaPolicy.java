package io.otklik.sla;

import java.util.List;

import io.otklik.shared.RuleViolationException;

/** A policy change that cannot be saved as written; says everything that is wrong, the first as its message. */
public class InvalidSlaPolicy extends RuleViolationException {

    private final transient List<PolicyProblem> problems;

    public InvalidSlaPolicy(List<PolicyProblem> problems) {
        super(problems.getFirst().code(), problems.getFirst().args());
        this.problems = List.copyOf(problems);
    }

    public InvalidSlaPolicy(PolicyProblem problem) {
        this(List.of(problem));
    }

    public List<PolicyProblem> problems() {
        return problems;
    }
}
