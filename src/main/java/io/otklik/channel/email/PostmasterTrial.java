package io.otklik.channel.email;

import java.util.List;

import io.otklik.channel.InboundMessage;

/**
 * The saved postmaster rules tried on one mail, for the administrator's "test against a message": the mail as it
 * was read, each rule in order with what became of it and which of its conditions held, and the decision.
 */
public record PostmasterTrial(InboundMessage message, List<RuleOutcome> rules, PostmasterDecision decision) {

    public PostmasterTrial {
        rules = List.copyOf(rules);
    }

    /** One rule's part: {@code conditions} says, for each of its conditions in order, whether it held. */
    public record RuleOutcome(PostmasterRuleView rule, Result result, List<Boolean> conditions) {

        public RuleOutcome {
            conditions = List.copyOf(conditions);
        }
    }

    /** What became of a rule. */
    public enum Result {
        /** All its conditions held: its actions count. */
        MATCHED,
        NOT_MATCHED,
        /** Switched off: not looked at (its conditions are shown all the same). */
        DISABLED,
        /** An earlier matching rule stopped the evaluation (its conditions are shown all the same). */
        NOT_REACHED
    }
}
