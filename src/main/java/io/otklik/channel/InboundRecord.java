package io.otklik.channel;

import java.time.Instant;

import io.otklik.ticket.Channel;

/**
 * A stored inbound message as administrators see it, without its raw bytes: how and when it arrived, where it
 * stands, what processing made of it and why ({@code reason}: message keys with arguments, see {@link
 * InboundReasons}), the ticket it went to, and the last error while it failed.
 */
public record InboundRecord(long id, Channel channel, long accountId, String externalId, ArrivedVia arrivedVia,
        long sizeBytes, Instant receivedAt, InboundState state, InboundOutcome outcome, String reason, String sender,
        String subject, Long ticketId, int attempts, Instant nextAttemptAt, String lastError, Instant processedAt) {

    /** Whether an administrator can have it processed again now. */
    public boolean canRetry() {
        return state == InboundState.FAILED;
    }

    /** Whether it is processed (done or given up on). */
    public boolean settled() {
        return state != InboundState.RECEIVED;
    }
}
