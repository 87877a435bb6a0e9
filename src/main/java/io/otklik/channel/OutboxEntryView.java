package io.otklik.channel;

import java.time.Instant;
import java.util.List;

/**
 * One queued send as the outbox page shows it. {@code nextAttemptAt} is when a waiting send is tried next (while a
 * node is sending it, when that node's hold ends).
 */
public record OutboxEntryView(long id, String channel, Long ticketId, Long ticketMessageId, List<String> to,
        String subject, String messageId, DeliveryState state, int attempts, Instant nextAttemptAt,
        Instant lastAttemptAt, String lastError, Instant sentAt, Instant createdAt) {

    public boolean canRetry() {
        return state == DeliveryState.FAILED;
    }
}
