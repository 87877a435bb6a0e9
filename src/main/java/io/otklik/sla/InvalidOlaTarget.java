package io.otklik.sla;

import java.util.List;

import io.otklik.shared.RuleViolationException;

/** An internal target that cannot be saved as written; says everything that is wrong, the first as its message. */
public class InvalidOlaTarget extends RuleViolationException {

    private final transient List<OlaTargetProblem> problems;

    public InvalidOlaTarget(List<OlaTargetProblem> problems) {
        super(problems.getFirst().code(), problems.getFirst().args());
        this.problems = List.copyOf(problems);
    }

    public List<OlaTargetProblem> problems() {
        return problems;
    }
}
