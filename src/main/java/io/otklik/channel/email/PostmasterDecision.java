package io.otklik.channel.email;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.otklik.ticket.Priority;

/**
 * What the postmaster rules decided about one incoming mail: drop it, or open the ticket with these tags, team,
 * category and priority (null: no rule said). {@code matchedRules} names the rules that matched, in order, for the
 * record of why.
 */
public record PostmasterDecision(boolean drop, Set<String> tags, Long teamId, Long categoryId, Priority priority,
        List<String> matchedRules) {

    private static final PostmasterDecision NONE = new PostmasterDecision(false, Set.of(), null, null, null, List.of());

    public PostmasterDecision {
        tags = Collections.unmodifiableSet(new LinkedHashSet<>(tags));
        matchedRules = List.copyOf(matchedRules);
    }

    /** No rule matched: nothing to change. */
    public static PostmasterDecision none() {
        return NONE;
    }

    /** Whether any rule matched. */
    public boolean matched() {
        return !matchedRules.isEmpty();
    }

    /** Collects the actions of matching rules: later single values replace earlier ones, tags add up. */
    static final class Builder {

        private boolean drop;
        private final Set<String> tags = new LinkedHashSet<>();
        private Long teamId;
        private Long categoryId;
        private Priority priority;
        private final List<String> matchedRules = new ArrayList<>();

        void apply(String rule, List<PostmasterAction> actions) {
            matchedRules.add(rule);
            for (PostmasterAction action : actions) {
                switch (action.kind()) {
                    case DROP -> drop = true;
                    case TAG -> tags.add(action.argument());
                    case ROUTE_TEAM -> teamId = action.id() == null ? teamId : action.id();
                    case SET_CATEGORY -> categoryId = action.id() == null ? categoryId : action.id();
                    case SET_PRIORITY -> priority = action.priority() == null ? priority : action.priority();
                }
            }
        }

        PostmasterDecision build() {
            return matchedRules.isEmpty() ? NONE
                    : new PostmasterDecision(drop, tags, teamId, categoryId, priority, matchedRules);
        }
    }
}
