package io.otklik.shared;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The threads that work off a table of notes written in other transactions (the service-level clocks' and the
 * acknowledgements' queues): each takes a batch, and when a batch comes back short waits to be woken by a commit on
 * this node that wrote a note, then lets a burst gather a moment; every second it looks for notes written elsewhere.
 * A batch that fails is worked off item by item; when even that fails (the database is away) the threads wait a few
 * seconds and try again.
 */
public final class BatchWorkers {

    /** What the workers do; both run in transactions of their own. */
    public interface Work {

        /** Works off one batch; how many notes it took (fewer than the batch size: the queue is drained). */
        int drainOnce();

        /** After a batch failed: the same notes one by one, so that one that fails does not hold up the others. */
        void drainSingly();
    }

    private static final Logger log = LoggerFactory.getLogger(BatchWorkers.class);
    private static final Duration IDLE = Duration.ofSeconds(1);
    private static final Duration AFTER_FAILURE = Duration.ofSeconds(5);

    private final String name;
    private final int threads;
    private final int batch;
    private final Duration gather;
    private final Work work;
    private final Semaphore wake = new Semaphore(0);
    private final List<Thread> running = new CopyOnWriteArrayList<>();
    private volatile boolean started;

    /**
     * @param name what the notes are for, as the log and the threads' names say it ("acknowledgements")
     * @param gather how long a woken worker lets notes gather before it takes a batch
     */
    public BatchWorkers(String name, int threads, int batch, Duration gather, Work work) {
        this.name = name;
        this.threads = Math.max(1, threads);
        this.batch = batch;
        this.gather = gather;
        this.work = work;
    }

    /** Wakes the workers once the current transaction commits (at once outside a transaction). */
    public void wakeAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    wake.release(threads);
                }
            });
        } else {
            wake.release(threads);
        }
    }

    public void start() {
        started = true;
        var factory = Thread.ofPlatform().name(name + "-", 1).daemon(true);
        for (int i = 0; i < threads; i++) {
            running.add(factory.start(this::loop));
        }
    }

    public void stop() {
        started = false;
        running.forEach(Thread::interrupt);
        for (Thread thread : running) {
            try {
                thread.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        running.clear();
    }

    public boolean isRunning() {
        return started;
    }

    private void loop() {
        while (started) {
            try {
                if (work.drainOnce() < batch) {
                    // Drained: wait for a commit on this node, or look again for notes other nodes made.
                    if (wake.tryAcquire(IDLE.toMillis(), TimeUnit.MILLISECONDS)) {
                        Thread.sleep(gather.toMillis());
                    }
                    wake.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (!started) {
                    return;
                }
                // The batch's transaction rolled back as a whole: one by one now, and when even that cannot reach
                // the database the notes wait for the next try.
                log.warn("{}: a batch failed ({}); one by one now", name, e.toString());
                try {
                    work.drainSingly();
                    continue;
                } catch (RuntimeException again) {
                    log.warn("{}: cannot work now, trying again in {} s: {}", name, AFTER_FAILURE.toSeconds(),
                            again.toString());
                }
                try {
                    Thread.sleep(AFTER_FAILURE.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
