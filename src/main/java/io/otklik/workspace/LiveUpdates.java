package io.otklik.workspace;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.otklik.ticket.FollowerAdded;
import io.otklik.ticket.FollowerRemoved;
import io.otklik.ticket.MessageAdded;
import io.otklik.ticket.MessageDeliveryChanged;
import io.otklik.ticket.NextDueChanged;
import io.otklik.ticket.TicketChanged;
import io.otklik.ticket.TicketId;
import io.otklik.ticket.TicketOpened;

import jakarta.annotation.PreDestroy;

import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Tells open workspace pages which ticket just changed and when, once the change is committed. Pages then reload
 * what they show through the normal, permission-checked requests, so an event itself reveals nothing but a number
 * and a time; a region already showing the ticket as of that time (say, the reply to the agent's own save) skips it.
 * Live updates are a convenience, not a record: a page that missed one is correct again on its next load.
 */
@Component
public class LiveUpdates {

    private static final long STREAM_LIFETIME = Duration.ofMinutes(30).toMillis();
    /** Past this many tickets at once (a calendar's clocks recomputed), pages are told once to reload what they show. */
    static final int MANY = 50;

    private final Set<SseEmitter> listeners = ConcurrentHashMap.newKeySet();
    private final ExecutorService sender = Executors.newVirtualThreadPerTaskExecutor();

    /** A new stream for one browser tab; it ends after a while and the browser reconnects by itself. */
    public SseEmitter subscribe() {
        SseEmitter emitter = new SseEmitter(STREAM_LIFETIME);
        listeners.add(emitter);
        emitter.onCompletion(() -> listeners.remove(emitter));
        emitter.onTimeout(() -> listeners.remove(emitter));
        emitter.onError(error -> listeners.remove(emitter));
        try {
            emitter.send(SseEmitter.event().comment("connected").reconnectTime(2000));
        } catch (IOException e) {
            listeners.remove(emitter);
        }
        return emitter;
    }

    @EventListener
    void on(TicketOpened event) {
        afterCommit(event.ticket(), event.at());
    }

    @EventListener
    void on(TicketChanged event) {
        // The requester's segments are nothing an open page shows; their effect on due times comes as NextDueChanged.
        if (!event.fields().equals(List.of(TicketChanged.SEGMENTS))) {
            afterCommit(event.ticket(), event.at());
        }
    }

    @EventListener
    void on(MessageAdded event) {
        afterCommit(event.ticket(), event.at());
    }

    @EventListener
    void on(MessageDeliveryChanged event) {
        afterCommit(event.ticket(), event.at());
    }

    /** The service levels recomputed these tickets' clocks: queues sorted or badged by due time reload. */
    @EventListener
    void on(NextDueChanged event) {
        // Only the due regions reload (an event of their own): a due time moving under an agent who is using the
        // conversation must not redraw it.
        if (event.tickets().size() > MANY) {
            afterCommit(() -> broadcastAll(event.at()));
        } else {
            event.tickets().forEach(ticket -> afterCommit(() -> broadcast("due", ticket, event.at())));
        }
    }

    @EventListener
    void on(FollowerAdded event) {
        afterCommit(event.ticket(), event.at());
    }

    @EventListener
    void on(FollowerRemoved event) {
        afterCommit(event.ticket(), event.at());
    }

    /** Keeps idle streams open through proxies and finds the ones whose browser has gone. */
    @Scheduled(fixedDelay = 20_000)
    void heartbeat() {
        for (SseEmitter emitter : listeners) {
            sender.execute(() -> send(emitter, SseEmitter.event().comment("heartbeat")));
        }
    }

    int listenerCount() {
        return listeners.size();
    }

    private void afterCommit(TicketId ticket, Instant at) {
        afterCommit(() -> broadcast("ticket", ticket, at));
    }

    private void afterCommit(Runnable send) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    send.run();
                }
            });
        } else {
            send.run();
        }
    }

    /** Many tickets' due times moved at once: every due region reloads (once, however many there were). */
    private void broadcastAll(Instant at) {
        String data = "{\"at\":" + at.toEpochMilli() + "}";
        for (SseEmitter emitter : listeners) {
            sender.execute(() -> send(emitter, SseEmitter.event().name("dues").data(data)));
        }
    }

    /** {@code ticket}: the ticket changed, its regions reload; {@code due}: only its due time moved. */
    private void broadcast(String name, TicketId ticket, Instant at) {
        String data = "{\"id\":" + ticket.value() + ",\"at\":" + at.toEpochMilli() + "}";
        for (SseEmitter emitter : listeners) {
            sender.execute(() -> send(emitter, SseEmitter.event().name(name).data(data)));
        }
    }

    private void send(SseEmitter emitter, SseEmitter.SseEventBuilder event) {
        try {
            synchronized (emitter) {
                emitter.send(event);
            }
        } catch (IOException | IllegalStateException e) {
            listeners.remove(emitter);
            emitter.completeWithError(e);
        }
    }

    /**
     * Ends the streams as soon as the application starts to stop: the web server's graceful shutdown would
     * otherwise wait its whole timeout for these never-ending requests. Browsers reconnect by themselves.
     */
    @EventListener(ContextClosedEvent.class)
    void endStreams() {
        listeners.forEach(SseEmitter::complete);
        listeners.clear();
    }

    @PreDestroy
    void close() {
        endStreams();
        sender.shutdownNow();
    }
}
