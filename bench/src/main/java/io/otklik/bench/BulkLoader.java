package io.otklik.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * Builds ticket batches on some threads and COPYs them on others, each batch in its own transaction, so Java and
 * PostgreSQL work at the same time. A batch writes its tickets before their rows in other tables, so foreign keys
 * hold even when they are checked.
 */
final class BulkLoader {

    static final String TICKET_COPY = "copy ticket (id, reference, subject, status, priority, category_id, channel, "
            + "requester_id, organization_id, assignee_id, team_id, created_at, updated_at, solved_at, closed_at, "
            + "version) from stdin";
    static final String TAG_COPY = "copy ticket_tag (ticket_id, tag) from stdin";
    static final String MESSAGE_COPY = "copy ticket_message (id, ticket_id, kind, author_type, author_id, author_name, "
            + "channel, body_text, body_html, delivery, created_at) from stdin";
    static final String HISTORY_COPY = "copy ticket_history (id, ticket_id, at, actor_type, actor_id, actor_name, "
            + "field, old_value, new_value) from stdin";

    private static final Batch END = new Batch(0, null, null, null, null);

    private final Database database;
    private final TicketFactory factory;
    private final int batchSize;
    private final int builders;
    private final int writers;
    private final AtomicLong ticketsDone = new AtomicLong();
    private final AtomicLong rowsDone = new AtomicLong();
    private final AtomicBoolean checksOff = new AtomicBoolean(true);

    BulkLoader(Database database, TicketFactory factory, int batchSize, int builders, int writers) {
        this.database = database;
        this.factory = factory;
        this.batchSize = batchSize;
        this.builders = builders;
        this.writers = writers;
    }

    /** Loads tickets {@code 0..total-1}; returns the number of rows written in all four tables. */
    long load(long total, Progress progress) throws Exception {
        long batches = (total + batchSize - 1) / batchSize;
        AtomicLong nextBatch = new AtomicLong();
        BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(Math.max(2, writers * 2));
        ExecutorService pool = Executors.newFixedThreadPool(builders + writers);
        AtomicReference<Exception> failure = new AtomicReference<>();
        List<Future<?>> builderJobs = new ArrayList<>();
        List<Future<?>> writerJobs = new ArrayList<>();
        try {
            for (int i = 0; i < builders; i++) {
                builderJobs.add(pool.submit(guarded(failure, pool, () -> {
                    for (long b = nextBatch.getAndIncrement(); b < batches; b = nextBatch.getAndIncrement()) {
                        long from = b * batchSize;
                        queue.put(factory.build(from, Math.min(total, from + batchSize)));
                    }
                })));
            }
            for (int i = 0; i < writers; i++) {
                writerJobs.add(pool.submit(guarded(failure, pool, () -> write(queue, progress))));
            }
            awaitAll(builderJobs, failure);
            for (int i = 0; i < writers; i++) {
                // A writer that died no longer takes from the queue: never block on it.
                while (!queue.offer(END, 100, TimeUnit.MILLISECONDS)) {
                    rethrow(failure);
                }
            }
            awaitAll(writerJobs, failure);
        } finally {
            pool.shutdownNow();
        }
        rethrow(failure);
        progress.finish(ticketsDone.get(), rowsDone.get());
        return rowsDone.get();
    }

    /** A job that, on failure, keeps the first cause and stops all others (they may be blocked on the queue). */
    private static Runnable guarded(AtomicReference<Exception> failure, ExecutorService pool, Job job) {
        return () -> {
            try {
                job.run();
            } catch (Exception e) {
                if (failure.compareAndSet(null, e)) {
                    pool.shutdownNow();
                }
            }
        };
    }

    private static void awaitAll(List<Future<?>> jobs, AtomicReference<Exception> failure) throws Exception {
        for (Future<?> job : jobs) {
            try {
                job.get();
            } catch (CancellationException | ExecutionException e) {
                // The cause was kept by guarded(); reported below.
            }
            rethrow(failure);
        }
    }

    private static void rethrow(AtomicReference<Exception> failure) throws Exception {
        if (failure.get() != null) {
            throw failure.get();
        }
    }

    /** A unit of work that may throw. */
    private interface Job {
        void run() throws Exception;
    }

    /** False when the server refused to skip foreign-key checks (not a superuser); the load is slower then. */
    boolean foreignKeyChecksSkipped() {
        return checksOff.get();
    }

    private void write(BlockingQueue<Batch> queue, Progress progress) throws Exception {
        try (Connection connection = database.connect()) {
            prepare(connection);
            connection.setAutoCommit(false);
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            for (Batch batch = queue.take(); batch != END; batch = queue.take()) {
                copy(copy, TICKET_COPY, batch.ticket());
                copy(copy, TAG_COPY, batch.tags());
                copy(copy, MESSAGE_COPY, batch.messages());
                copy(copy, HISTORY_COPY, batch.history());
                connection.commit();
                progress.show(ticketsDone.addAndGet(batch.tickets()), rowsDone.addAndGet(batch.rows()), false);
            }
        }
    }

    /**
     * Session settings for a bulk load: the generated rows are consistent by construction, so foreign-key triggers
     * may be skipped (replica role, superuser only), and a crash mid-load means starting again anyway, so commits
     * need not wait for the disk.
     */
    private void prepare(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("set synchronous_commit = off");
            try {
                s.execute("set session_replication_role = replica");
            } catch (SQLException notSuperuser) {
                checksOff.set(false);
            }
        }
    }

    static void copy(CopyManager copy, String sql, CopyRows rows) throws SQLException {
        if (rows.rows() == 0) {
            return;
        }
        byte[] bytes = rows.bytes();
        CopyIn in = copy.copyIn(sql);
        try {
            in.writeToCopy(bytes, 0, bytes.length);
            in.endCopy();
        } finally {
            if (in.isActive()) {
                in.cancelCopy();
            }
        }
    }
}
