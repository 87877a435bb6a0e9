package io.otklik.channel;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;

import io.otklik.ticket.Delivery;
import io.otklik.ticket.MessageDeliveries;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends what the outbox holds: each entry right after the transaction that queued it commits, and on a regular
 * sweep whatever is due (retries, entries a crashed node left, entries queued while this node was stopping).
 * Entries are claimed in a transaction of their own before they are sent (each try is counted and the entry held),
 * and the outcome is recorded in another after; see docs/adr/0009. A few sender threads per node
 * ({@code otklik.mail.outbox.senders}) send side by side — a mail server answers in tens of milliseconds, and one
 * sender at a time let a burst of new tickets wait minutes for their acknowledgements. In a burst each sender takes
 * up to {@link #BATCH} entries at once and sends them over one connection. Entries leave roughly in the order they
 * became due.
 */
@Component
class OutboxDispatcher {

    private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);
    /** Entries one run sends before it yields to the next run (which is then requested at once). */
    private static final int RUN_LIMIT = 500;
    /** Entries claimed and sent together (over one connection, recorded as sent in one transaction). */
    static final int BATCH = 20;

    private final OutboxEntries entries;
    private final OutboundChannels channels;
    private final MessageDeliveries deliveries;
    private final TransactionTemplate transactions;
    private final OutboxSettings settings;
    private final Clock clock;
    private final ExecutorService worker;
    private final int senders;
    /** A sweep is waiting for the worker: another request is the same request. */
    private final AtomicBoolean requested = new AtomicBoolean();
    /** Entries queued here, to be sent as soon as a sender is free. */
    private final Queue<Long> ready = new ConcurrentLinkedQueue<>();
    /** Runs taking entries from {@link #ready}, at most {@link #senders}. */
    private final AtomicInteger draining = new AtomicInteger();
    private volatile boolean stopping;

    OutboxDispatcher(OutboxEntries entries, OutboundChannels channels, MessageDeliveries deliveries,
            TransactionTemplate transactions, OutboxSettings settings, Clock clock,
            @org.springframework.beans.factory.annotation.Value("${otklik.mail.outbox.senders:4}") int senders) {
        this.senders = Math.max(1, senders);
        this.worker = Executors.newFixedThreadPool(this.senders,
                Thread.ofVirtual().name("outbox-sender-", 1).factory());
        this.entries = entries;
        this.channels = channels;
        this.deliveries = deliveries;
        this.transactions = transactions;
        this.settings = settings;
        this.clock = clock;
    }

    /** Sends the entry once the current transaction commits (at once when there is none). */
    void sendAfterCommit(long id) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    ready(id);
                }
            });
        } else {
            ready(id);
        }
    }

    /** Looks for due entries now and then: retries, and entries whose sender died while holding them. */
    @Scheduled(fixedDelayString = "${otklik.mail.outbox.sweep-interval:10s}",
            initialDelayString = "${otklik.mail.outbox.sweep-interval:10s}")
    void sweep() {
        if (requested.compareAndSet(false, true)) {
            // Every sender takes part: a backlog (after an outage or a restart) drains as fast as fresh mail.
            for (int i = 0; i < senders; i++) {
                submit(this::sendDue);
            }
        }
    }

    /**
     * An entry just queued: a sender takes it up with whatever else was queued meanwhile. At most as many runs as
     * there are senders drain the queue at a time, so in a burst each run takes a batch, not a single entry.
     */
    private void ready(long id) {
        ready.add(id);
        drain();
    }

    private void drain() {
        while (true) {
            int now = draining.get();
            if (now >= senders) {
                return;
            }
            if (draining.compareAndSet(now, now + 1)) {
                break;
            }
        }
        if (!submit(this::sendReady)) {
            draining.decrementAndGet();
        }
    }

    private boolean submit(Runnable work) {
        if (stopping) {
            return false;
        }
        try {
            worker.execute(() -> {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    // The database is away, say: the next sweep tries again.
                    log.warn("Sending from the outbox stopped: {}", describe(e));
                }
            });
            return true;
        } catch (RejectedExecutionException e) {
            // Shutting down: the entry stays queued for the next start or another node.
            return false;
        }
    }

    /** The entries just queued, unless another node took them first or they are not due (queued for later). */
    private void sendReady() {
        try {
            while (!stopping) {
                List<Long> ids = new ArrayList<>();
                for (Long id = ready.poll(); id != null; id = ids.size() < BATCH ? ready.poll() : null) {
                    ids.add(id);
                }
                if (ids.isEmpty()) {
                    return;
                }
                Instant now = clock.instant();
                deliverAll(transactions.execute(status -> entries.claim(ids, now, now.plus(settings.claimTimeout()))));
            }
        } finally {
            draining.decrementAndGet();
            // One queued after this run looked last, while every other run was ending too.
            if (!ready.isEmpty()) {
                drain();
            }
        }
    }

    private void sendDue() {
        requested.set(false);
        for (int sent = 0; sent < RUN_LIMIT; ) {
            if (stopping) {
                return;
            }
            Instant now = clock.instant();
            List<QueuedSend> next = transactions.execute(
                    status -> entries.claimDue(now, now.plus(settings.claimTimeout()), BATCH));
            if (next.isEmpty()) {
                return;
            }
            deliverAll(next);
            sent += next.size();
        }
        sweep();
    }

    /**
     * Hands the claimed sends to their channels (an email batch goes over one connection per server), then records
     * those sent in one transaction; each failure is recorded as it comes.
     */
    private void deliverAll(List<QueuedSend> sends) {
        if (sends.isEmpty()) {
            return;
        }
        Map<String, List<QueuedSend>> byChannel = new LinkedHashMap<>();
        sends.forEach(send -> byChannel.computeIfAbsent(send.channel(), channel -> new ArrayList<>()).add(send));
        List<QueuedSend> sent = new ArrayList<>();
        Set<Long> told = new HashSet<>();
        byChannel.forEach((channel, batch) -> {
            if (!channels.has(channel)) {
                batch.forEach(send -> failed(send, new DeliveryFailure("No outbound channel " + channel, true, null)));
                return;
            }
            try {
                channels.of(channel).deliverAll(batch, (send, failure) -> {
                    if (!told.add(send.id())) {
                        return;
                    }
                    if (failure == null) {
                        sent.add(send);
                    } else {
                        failed(send, failure);
                    }
                });
            } catch (RuntimeException e) {
                batch.stream().filter(send -> told.add(send.id())).forEach(send -> failed(send, e));
            }
        });
        if (sent.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        transactions.executeWithoutResult(status -> {
            entries.sent(sent.stream().map(QueuedSend::id).toList(), now);
            for (QueuedSend send : sent) {
                if (send.ticketMessageId() != null) {
                    deliveries.record(send.ticketMessageId(), Delivery.SENT, null);
                }
            }
        });
        if (log.isDebugEnabled()) {
            sent.forEach(send -> log.debug("Sent outbox entry {} ({}) on try {}", send.id(), send.messageId(),
                    send.attempt()));
        }
    }

    private void failed(QueuedSend send, RuntimeException e) {
        boolean permanent = e instanceof DeliveryFailure failure && failure.permanent();
        boolean giveUp = permanent || send.attempt() >= settings.maxAttempts();
        String error = describe(e);
        Instant retryAt = giveUp ? null : clock.instant().plus(settings.backoffAfter(send.attempt()));
        boolean recorded = Boolean.TRUE.equals(transactions.execute(status -> {
            boolean done = entries.failed(send.id(), send.attempt(), error, retryAt);
            if (done && send.ticketMessageId() != null) {
                deliveries.record(send.ticketMessageId(), giveUp ? Delivery.FAILED : Delivery.PENDING, error);
            }
            return done;
        }));
        if (giveUp) {
            log.warn("Gave up outbox entry {} to {} after {} tries: {}", send.id(), send.to(), send.attempt(), error);
        } else if (recorded) {
            log.info("Outbox entry {} to {} failed on try {}, next at {}: {}", send.id(), send.to(), send.attempt(),
                    retryAt, error);
        }
    }

    /** A failure as one line a supervisor can act on: the channel's own words, or the innermost cause. */
    static String describe(Throwable e) {
        if (e instanceof DeliveryFailure) {
            return e.getMessage();
        }
        Throwable cause = NestedExceptionUtils.getMostSpecificCause(e);
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message.strip());
    }

    @PreDestroy
    void stop() throws InterruptedException {
        stopping = true;
        worker.shutdown();
        if (!worker.awaitTermination(20, TimeUnit.SECONDS)) {
            worker.shutdownNow();
        }
    }
}
