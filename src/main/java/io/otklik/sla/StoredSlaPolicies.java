package io.otklik.sla;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.otklik.shared.NotFoundException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The policies administrators keep ({@link SlaPolicyAdministration}), held in memory so that finding the one for a
 * ticket costs no query: it is asked on every ticket event.
 *
 * <p>A change saved on this node is seen from its commit on; one saved on another node within
 * {@code otklik.sla.calendar-refresh-interval} (2 s unless set), when this node next compares the policies' revision
 * in the database with the one it read them at — the only query while nothing changes.
 */
@Component
class StoredSlaPolicies implements SlaPolicies {

    private final PolicyRows rows;
    private final StandardPolicy standard;
    private final RevisionedCopy<PolicyRows.State, Policies> copy;

    StoredSlaPolicies(PolicyRows rows, StandardPolicy standard,
            @Value("${otklik.sla.calendar-refresh-interval:2s}") Duration refreshInterval) {
        this.rows = rows;
        this.standard = standard;
        this.copy = new RevisionedCopy<>(this::state, PolicyRows.State::revision,
                state -> new Policies(rows.all().stream().map(SlaPolicyView::policy).toList()), refreshInterval);
    }

    @Override
    public List<SlaPolicy> all() {
        return copy.current().value().policies;
    }

    @Override
    public SlaPolicy applicableTo(SlaSubject subject) {
        List<SlaPolicy> policies = copy.current().value().policies;
        for (SlaPolicy policy : policies) {
            if (policy.enabled() && policy.conditions().matches(subject)) {
                return policy;
            }
        }
        return policies.getLast();
    }

    @Override
    public SlaPolicy get(SlaPolicyId id) {
        SlaPolicy policy = copy.current().value().byId.get(id);
        if (policy == null) {
            throw new NotFoundException("sla-policy.not-found", id.value());
        }
        return policy;
    }

    /** Forgets the policies in memory once the current transaction commits (at once outside one). */
    void changed() {
        copy.changed();
    }

    /** The state row (the revision); made with the default policy on first use. */
    private PolicyRows.State state() {
        return rows.state().orElseGet(() -> {
            standard.ensure();
            return rows.state().orElseThrow(() -> new IllegalStateException("No default service-level policy"));
        });
    }

    /** The policies as of one revision, in order, the default one last. */
    private static final class Policies {

        final List<SlaPolicy> policies;
        final Map<SlaPolicyId, SlaPolicy> byId = new LinkedHashMap<>();

        Policies(List<SlaPolicy> policies) {
            this.policies = List.copyOf(policies);
            policies.forEach(policy -> byId.put(policy.id(), policy));
        }
    }
}
