package io.otklik.sla;

import java.util.List;

import io.otklik.shared.RuleViolationException;

/** An escalation rule that cannot be saved as written; says everything that is wrong, the first as its message. */
public class InvalidEscalationRule extends RuleViolationException {

    private final transient List<PolicyProblem> problems;

    public InvalidEscalationRule(List<PolicyProblem> problems) {
        super(problems.getFirst().code(), problems.getFirst().args());
        this.problems = List.copyOf(problems);
    }

    public List<PolicyProblem> problems() {
        return problems;
    }
}
