package io.otklik.channel.email;

import io.otklik.channel.InboundMessage;
import io.otklik.channel.InboundRules;

import org.springframework.stereotype.Component;

/** The postmaster rules as the inbound pipeline applies them to every arriving mail. */
@Component
class PostmasterInboundRules implements InboundRules {

    private final PostmasterRules rules;

    PostmasterInboundRules(PostmasterRules rules) {
        this.rules = rules;
    }

    @Override
    public Verdict apply(InboundMessage message, byte[] raw) {
        if (!rules.anyEnabled()) {
            return Verdict.NONE;
        }
        PostmasterDecision decision = rules.evaluate(message, PostmasterRules.headersOf(raw));
        if (!decision.matched()) {
            return Verdict.NONE;
        }
        return new Verdict(decision.drop(), decision.tags(), decision.teamId(), decision.categoryId(),
                decision.priority(), String.join(", ", decision.matchedRules()));
    }
}
