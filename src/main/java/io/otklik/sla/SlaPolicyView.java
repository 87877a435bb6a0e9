package io.otklik.sla;

import java.time.Instant;

/** A policy as administrators see it in the list: the policy, whether it is the default one, when last changed. */
public record SlaPolicyView(SlaPolicy policy, boolean isDefault, Instant updatedAt) {

    public SlaPolicyId id() {
        return policy.id();
    }

    public String name() {
        return policy.name();
    }
}
