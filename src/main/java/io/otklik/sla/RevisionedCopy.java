package io.otklik.sla;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What this node keeps in memory of rows any node may change (calendars, policies), and how it stays fresh: a revision
 * number in the database, raised with every change, is compared at most once per refresh interval, and the rows are
 * read again only when it moved on. A change made on this node is seen at once: {@link #changed()} forgets the copy
 * when its transaction commits.
 *
 * <p>Not synchronized: a thread waiting for a lock here may hold a pooled connection that the thread inside needs
 * (a pool exhausted that way stalls everything); two threads checking at once just read the same rows.
 *
 * @param <S> the row the revision is read from
 * @param <T> the copy
 */
final class RevisionedCopy<S, T> {

    /** The copy, and the state row it was last checked against. */
    record Held<S, T>(S state, long revision, T value, long generation, long checkedAt) {
    }

    private final Supplier<S> state;
    private final ToLongFunction<S> revision;
    private final Function<S, T> read;
    private final long refreshNanos;
    /** Moves on with every change made here, so that what was read before a change is never kept after it. */
    private final AtomicLong generation = new AtomicLong();
    private volatile Held<S, T> held;

    /**
     * @param state reads the state row (making the first one when there is none)
     * @param revision the state row's revision
     * @param read makes the copy anew, for a state row whose revision differs from the one held
     */
    RevisionedCopy(Supplier<S> state, ToLongFunction<S> revision, Function<S, T> read, Duration refresh) {
        this.state = state;
        this.revision = revision;
        this.read = read;
        this.refreshNanos = refresh.toNanos();
    }

    /** The copy as of at most one refresh interval ago, or as of the last change made on this node. */
    Held<S, T> current() {
        Held<S, T> current = held;
        long seen = generation.get();
        if (current != null && current.generation() == seen
                && System.nanoTime() - current.checkedAt() < refreshNanos) {
            return current;
        }
        long at = System.nanoTime();
        S now = state.get();
        long revisionNow = revision.applyAsLong(now);
        T value = current != null && current.generation() == seen && current.revision() == revisionNow
                ? current.value() : read.apply(now);
        Held<S, T> next = new Held<>(now, revisionNow, value, seen, at);
        if (generation.get() == seen) {
            held = next;
        }
        return next;
    }

    /** Forgets the copy once the current transaction commits (at once outside one). */
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
        held = null;
    }
}
