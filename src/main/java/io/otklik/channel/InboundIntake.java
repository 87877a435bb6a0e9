package io.otklik.channel;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.otklik.shared.RuleViolationException;
import io.otklik.ticket.Channel;

import io.micrometer.core.instrument.MeterRegistry;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Where every channel hands in what it received (design.md, "a message's way through"). {@link #receive} stores
 * the message raw and returns: the same message arriving again is recognised and not stored or processed twice.
 * Processing then runs in one transaction per message that also marks it done, right after the store (on a small
 * pool of workers) and on a sweep that picks up whatever a stopped node or a failure left waiting, with backoff. See
 * docs/adr/0012-inbound-store-raw-first.md.
 */
@Service
public class InboundIntake {

    private static final Logger log = LoggerFactory.getLogger(InboundIntake.class);
    private static final int SWEEP_LIMIT = 200;
    /** A reply that arrived before the message it answers waits this long for it, a few times. */
    private static final Duration WAIT_FOR_ANSWERED = Duration.ofSeconds(2);
    private static final int MAX_WAITS = 3;
    /** Tries a message colliding with another one being processed at the same moment gets before it counts as failed. */
    private static final int MAX_COLLISIONS = 5;

    private final InboundStore store;
    private final InboundPipeline pipeline;
    private final Map<Channel, InboundChannel> channels = new EnumMap<>(Channel.class);
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final MeterRegistry meters;
    private final int maxAttempts;
    private final ExecutorService workers;
    /** Messages queued on the workers: beyond this, callers process their own (back-pressure on a burst). */
    private final Semaphore queued;
    private final AtomicBoolean sweeping = new AtomicBoolean();
    private volatile boolean stopping;

    InboundIntake(InboundStore store, InboundPipeline pipeline, List<InboundChannel> adapters,
            TransactionTemplate transactions, Clock clock, MeterRegistry meters,
            @Value("${otklik.inbound.workers:2}") int workers,
            @Value("${otklik.inbound.max-attempts:8}") int maxAttempts) {
        this.store = store;
        this.pipeline = pipeline;
        adapters.forEach(adapter -> channels.put(adapter.channel(), adapter));
        this.transactions = transactions;
        this.clock = clock;
        this.meters = meters;
        this.maxAttempts = maxAttempts;
        this.workers = Executors.newFixedThreadPool(Math.max(1, workers),
                Thread.ofPlatform().name("inbound-", 1).daemon().factory());
        this.queued = new Semaphore(Math.max(1, workers) * 64);
    }

    /**
     * Stores what arrived, exactly as it arrived, and commits; processing follows on the workers (or, while they are
     * far behind, in the calling thread: back-pressure on a burst). Returns at once
     * when the message was here before (then nothing is stored or processed again).
     *
     * @throws RuleViolationException when the channel takes no inbound messages, or the message is empty
     */
    public InboundReceipt receive(Channel channel, long accountId, ArrivedVia via, byte[] raw) {
        InboundReceipt receipt = store(channel, accountId, via, raw);
        if (!receipt.duplicate()) {
            submit(receipt.id());
        }
        return receipt;
    }

    /**
     * Stores what arrived and processes it in the calling thread before returning (for callers that must know the
     * message is in its ticket before they go on: the mailbox poller marks it on the server only then).
     */
    public InboundReceipt receiveAndProcess(Channel channel, long accountId, ArrivedVia via, byte[] raw) {
        InboundReceipt receipt = store(channel, accountId, via, raw);
        process(receipt.id());
        return receipt;
    }

    /**
     * Stores a batch, then processes it on the workers and returns once every message was tried (the mailbox
     * poller marks on the server only what is settled then; the rest stays for the sweep).
     */
    public List<InboundReceipt> receiveAll(Channel channel, long accountId, ArrivedVia via, List<byte[]> raws) {
        List<InboundReceipt> receipts = new java.util.ArrayList<>(raws.size());
        for (byte[] raw : raws) {
            receipts.add(store(channel, accountId, via, raw));
        }
        // Copies too: one stored before a crash and still waiting is processed now rather than by the next sweep
        // (processing a message that is done already does nothing).
        List<java.util.concurrent.Callable<Void>> work = receipts.stream().map(InboundReceipt::id).distinct()
                .map(id -> (java.util.concurrent.Callable<Void>) () -> {
                    process(id);
                    return null;
                }).toList();
        if (!work.isEmpty() && !stopping) {
            try {
                workers.invokeAll(work);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RejectedExecutionException e) {
                // Shutting down: what was stored is processed after the next start (or by another node).
            }
        }
        return receipts;
    }

    /** Which of these stored messages are processed (in a ticket, dropped, or given up after retries). */
    public java.util.Set<Long> settled(java.util.Collection<Long> ids) {
        return store.settled(ids);
    }

    /** Whether the stored message is processed (in a ticket, dropped, or given up after retries). */
    public boolean settled(long id) {
        return store.settled(id);
    }

    /** The stored original, exactly as it arrived. */
    public Optional<byte[]> original(long id) {
        return store.raw(id);
    }

    /** The ticket the stored message went to, if any. */
    public Optional<Long> ticketOf(long id) {
        return store.ticketOf(id);
    }

    /** An agent moved a message to another ticket (or split it off): its stored original goes with it. */
    @org.springframework.context.event.EventListener
    void on(io.otklik.ticket.MessageMoved moved) {
        store.moved(moved.messageId(), moved.to().value());
    }

    /** Processes a message that was given up on again, now. */
    public boolean retry(long id) {
        boolean queuedAgain = store.retry(id, clock.instant());
        if (queuedAgain) {
            submit(id);
        }
        return queuedAgain;
    }

    private InboundReceipt store(Channel channel, long accountId, ArrivedVia via, byte[] raw) {
        InboundChannel adapter = channels.get(channel);
        if (adapter == null) {
            throw new RuleViolationException("inbound.channel-unsupported", channel.name());
        }
        if (raw == null || raw.length == 0) {
            throw new RuleViolationException("inbound.empty");
        }
        String externalId = adapter.externalId(raw);
        if (externalId.length() > 500) {
            externalId = "sha256:" + sha256(externalId.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        String id = externalId;
        InboundReceipt receipt = transactions.execute(status ->
                store.insert(channel, accountId, id, via, raw, clock.instant()));
        meters.counter("otklik.inbound.received", "channel", channel.name(), "duplicate",
                String.valueOf(receipt.duplicate())).increment();
        return receipt;
    }

    /**
     * Processes the stored message, unless it is done already or another node holds it. On a failure the message
     * stays stored and is tried again later (with backoff), and given up on after a number of tries.
     */
    void process(long id) {
        // Processed as the system, whichever thread runs it (a worker, the sweep, or a caller that posted it).
        SecurityContext caller = SecurityContextHolder.getContext();
        SecurityContextHolder.clearContext();
        try {
            processAsSystem(id);
        } finally {
            SecurityContextHolder.setContext(caller);
        }
    }

    private void processAsSystem(long id) {
        Instant started = clock.instant();
        try {
            transactions.executeWithoutResult(status -> store.claim(id).ifPresent(pending -> {
                InboundMessage message = channels.get(pending.channel()).parse(pending.raw());
                InboundPipeline.Result result = pipeline.run(pending, message, pending.attempts() < MAX_WAITS);
                store.done(id, result.outcome(), result.reason(), message.from() == null ? null
                        : message.from().address(), message.subject(), result.ticketId(), result.ticketMessageId(),
                        clock.instant());
                meters.counter("otklik.inbound.processed", "outcome", result.outcome().name()).increment();
            }));
        } catch (InboundPipeline.AnswersWaitingMessage e) {
            // The sweep takes it again once due.
            transactions.executeWithoutResult(status -> store.postpone(id, started.plus(WAIT_FOR_ANSWERED)));
        } catch (RuntimeException e) {
            if (collided(e)) {
                // Another message of the same sender or ticket was being processed at the same moment (the same
                // new customer registered twice, two replies on one ticket): nothing is wrong with this one, it is
                // processed again at once, and after a few such tries like any failure.
                meters.counter("otklik.inbound.collisions").increment();
                Integer attempts = transactions.execute(status -> store.claim(id).map(p -> p.attempts()).orElse(null));
                if (attempts != null && attempts < MAX_COLLISIONS) {
                    transactions.executeWithoutResult(status -> store.postpone(id, clock.instant()));
                    submit(id);
                    return;
                }
            }
            failed(id, e);
        }
    }

    private void failed(long id, RuntimeException e) {
        String error = describe(e);
        try {
            transactions.executeWithoutResult(status -> store.claim(id).ifPresent(pending -> {
                int attempts = pending.attempts() + 1;
                Instant retryAt = attempts >= maxAttempts ? null : clock.instant().plus(backoff(attempts));
                store.failed(id, error, retryAt);
                meters.counter("otklik.inbound.failures").increment();
                if (retryAt == null) {
                    log.warn("Inbound message {} could not be processed after {} tries, given up: {}", id, attempts,
                            error);
                } else {
                    log.info("Inbound message {} could not be processed (try {}), again at {}: {}", id, attempts,
                            retryAt, error);
                }
            }));
        } catch (RuntimeException again) {
            log.warn("Inbound message {} failed ({}) and the failure could not be recorded: {}", id, error,
                    describe(again));
        }
    }

    /** A conflict with a concurrent transaction (a unique key taken meanwhile, an optimistic lock lost). */
    static boolean collided(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof org.springframework.dao.ConcurrencyFailureException
                    || cause instanceof org.springframework.dao.DuplicateKeyException
                    || cause instanceof org.hibernate.StaleStateException
                    || cause instanceof org.hibernate.exception.ConstraintViolationException
                    || (cause instanceof java.sql.SQLException sql && ("23505".equals(sql.getSQLState())
                            || "40001".equals(sql.getSQLState()) || "40P01".equals(sql.getSQLState())))) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    static Duration backoff(int attempts) {
        long seconds = Math.min(30L * (1L << Math.min(attempts - 1, 10)), 3600);
        return Duration.ofSeconds(seconds);
    }

    /** Picks up messages left waiting: by a stopped node, a failed try, a reply that waited for its thread. */
    @Scheduled(fixedDelayString = "${otklik.inbound.sweep-interval:5s}",
            initialDelayString = "${otklik.inbound.sweep-interval:5s}")
    void sweep() {
        if (stopping || !sweeping.compareAndSet(false, true)) {
            return;
        }
        try {
            List<java.util.concurrent.Callable<Void>> work = store.due(clock.instant(), SWEEP_LIMIT).stream()
                    .map(id -> (java.util.concurrent.Callable<Void>) () -> {
                        if (!stopping) {
                            process(id);
                        }
                        return null;
                    }).toList();
            if (!work.isEmpty()) {
                // On the workers, side by side: a backlog (after a restart, say) goes as fast as fresh mail.
                workers.invokeAll(work);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RejectedExecutionException e) {
            // Shutting down: what is left waits for the next start (or another node).
        } catch (RuntimeException e) {
            log.warn("Processing waiting inbound messages stopped: {}", describe(e));
        } finally {
            sweeping.set(false);
        }
    }

    private void submit(long id) {
        if (stopping) {
            return;
        }
        if (!queued.tryAcquire()) {
            // The workers are behind: the caller processes its own message (back-pressure on a burst of posts).
            process(id);
            return;
        }
        try {
            workers.execute(() -> {
                try {
                    process(id);
                } finally {
                    queued.release();
                }
            });
        } catch (RejectedExecutionException e) {
            queued.release();
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        stopping = true;
        workers.shutdown();
        workers.awaitTermination(10, TimeUnit.SECONDS);
    }

    static String describe(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String text = cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        return text.length() > 2000 ? text.substring(0, 2000) : text;
    }

    private static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
