package io.otklik.channel;

import java.util.List;

/**
 * One send as the outbox hands it to a channel: what to send, the threading ids given when it was queued
 * ({@code messageId} of its own; {@code inReplyTo} and {@code references} from the ticket's earlier messages), and
 * which try this is (1 for the first).
 */
public record QueuedSend(long id, String channel, Long ticketId, Long ticketMessageId, List<String> to,
        List<String> cc, String subject, String text, String html, String messageId, String inReplyTo,
        List<String> references, int attempt) {
}
