package io.otklik.sla;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.otklik.shared.NotFoundException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

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
    private final long refreshNanos;
    /** Moves on with every change made here, so that what was read before a change is never kept after it. */
    private final AtomicLong generation = new AtomicLong();
    private volatile Snapshot snapshot;

    StoredSlaPolicies(PolicyRows rows, StandardPolicy standard,
            @Value("${otklik.sla.calendar-refresh-interval:2s}") Duration refreshInterval) {
        this.rows = rows;
        this.standard = standard;
        this.refreshNanos = refreshInterval.toNanos();
    }

    @Override
    public List<SlaPolicy> all() {
        return current().policies;
    }

    @Override
    public SlaPolicy applicableTo(SlaSubject subject) {
        List<SlaPolicy> policies = current().policies;
        for (SlaPolicy policy : policies) {
            if (policy.enabled() && policy.conditions().matches(subject)) {
                return policy;
            }
        }
        return policies.getLast();
    }

    @Override
    public SlaPolicy get(SlaPolicyId id) {
        SlaPolicy policy = current().byId.get(id);
        if (policy == null) {
            throw new NotFoundException("sla-policy.not-found", id.value());
        }
        return policy;
    }

    /** Forgets the policies in memory once the current transaction commits (at once outside one). */
    void changed() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    forget();
                }
            });
        } else {
            forget();
        }
    }

    private void forget() {
        generation.incrementAndGet();
        snapshot = null;
    }

    private Snapshot current() {
        Snapshot current = snapshot;
        if (current != null && current.generation == generation.get()
                && System.nanoTime() - current.checkedAt < refreshNanos) {
            return current;
        }
        return check();
    }

    /**
     * Compares the revision in the database with the one in memory; reads the policies anew when it moved on. Not
     * synchronized: a thread waiting here may hold a pooled connection that the one inside needs (a pool exhausted
     * that way stalls everything); two threads checking at once read the same rows.
     */
    private Snapshot check() {
        Snapshot current = snapshot;
        long seen = generation.get();
        if (current != null && current.generation == seen && System.nanoTime() - current.checkedAt < refreshNanos) {
            return current;
        }
        long at = System.nanoTime();
        PolicyRows.State state = rows.state().orElse(null);
        if (state == null) {
            standard.ensure();
            state = rows.state().orElseThrow(() -> new IllegalStateException("No default service-level policy"));
        }
        Snapshot next = current != null && current.revision == state.revision()
                ? new Snapshot(state.revision(), seen, at, current.policies)
                : new Snapshot(state.revision(), seen, at, rows.all().stream().map(SlaPolicyView::policy).toList());
        if (generation.get() == seen) {
            snapshot = next;
        }
        return next;
    }

    /** The policies as of one revision, in order, the default one last. */
    private static final class Snapshot {

        final long revision;
        final long generation;
        final long checkedAt;
        final List<SlaPolicy> policies;
        final Map<SlaPolicyId, SlaPolicy> byId = new LinkedHashMap<>();

        Snapshot(long revision, long generation, long checkedAt, List<SlaPolicy> policies) {
            this.revision = revision;
            this.generation = generation;
            this.checkedAt = checkedAt;
            this.policies = List.copyOf(policies);
            policies.forEach(policy -> byId.put(policy.id(), policy));
        }
    }
}
