package io.otklik.channel.email;

import java.util.List;

import io.otklik.shared.RuleViolationException;

/** A postmaster rule that cannot be saved as written; says everything that is wrong, the first as its message. */
public class InvalidPostmasterRule extends RuleViolationException {

    private final transient List<PostmasterRuleProblem> problems;

    public InvalidPostmasterRule(List<PostmasterRuleProblem> problems) {
        super(problems.getFirst().code(), problems.getFirst().args());
        this.problems = List.copyOf(problems);
    }

    public List<PostmasterRuleProblem> problems() {
        return problems;
    }
}
