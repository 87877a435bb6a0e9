package io.otklik.channel;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

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
 * Each entry is claimed in a transaction of its own before it is sent (the try is counted and the entry held), and
 * the outcome is recorded in another after; see docs/adr/0009. A few sender threads per node
 * ({@code otklik.mail.outbox.senders}) send side by side — a mail server answers in tens of milliseconds, and one
 * sender at a time let a burst of new tickets wait minutes for their acknowledgements. Entries leave roughly in the
 * order they became due.
 */
@Component
class OutboxDispatcher {

    private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);
    /** Entries one run sends before it yields to the next run (which is then requested at once). */
    private static final int RUN_LIMIT = 500;

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
                    submit(() -> sendQueued(id));
                }
            });
        } else {
            submit(() -> sendQueued(id));
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

    private void submit(Runnable work) {
        if (stopping) {
            return;
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
        } catch (RejectedExecutionException e) {
            // Shutting down: the entry stays queued for the next start or another node.
        }
    }

    /** The entry just queued, unless another node took it first or it is not due (queued for later). */
    private void sendQueued(long id) {
        Instant now = clock.instant();
        transactions.execute(status -> entries.claim(id, now, now.plus(settings.claimTimeout())))
                .ifPresent(this::deliver);
    }

    private void sendDue() {
        requested.set(false);
        for (int sent = 0; sent < RUN_LIMIT; sent++) {
            if (stopping) {
                return;
            }
            Instant now = clock.instant();
            Optional<QueuedSend> next = transactions.execute(
                    status -> entries.claimNextDue(now, now.plus(settings.claimTimeout())));
            if (next.isEmpty()) {
                return;
            }
            deliver(next.get());
        }
        sweep();
    }

    private void deliver(QueuedSend send) {
        try {
            if (!channels.has(send.channel())) {
                throw new DeliveryFailure("No outbound channel " + send.channel(), true, null);
            }
            channels.of(send.channel()).deliver(send);
        } catch (RuntimeException e) {
            failed(send, e);
            return;
        }
        Instant now = clock.instant();
        transactions.executeWithoutResult(status -> {
            entries.sent(send.id(), now);
            if (send.ticketMessageId() != null) {
                deliveries.record(send.ticketMessageId(), Delivery.SENT, null);
            }
        });
        log.debug("Sent outbox entry {} ({}) on try {}", send.id(), send.messageId(), send.attempt());
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
