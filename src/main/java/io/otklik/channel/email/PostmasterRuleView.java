package io.otklik.channel.email;

import java.time.Instant;
import java.util.List;

/** A saved postmaster rule as listed, in evaluation order by {@code position}. */
public record PostmasterRuleView(PostmasterRuleId id, int position, String name, boolean enabled,
        boolean stopAfter, List<PostmasterCondition> conditions, List<PostmasterAction> actions, Instant createdAt,
        Instant updatedAt) {

    public PostmasterRuleView {
        conditions = List.copyOf(conditions);
        actions = List.copyOf(actions);
    }

    public PostmasterRuleDetails details() {
        return new PostmasterRuleDetails(name, enabled, stopAfter, conditions, actions);
    }
}
