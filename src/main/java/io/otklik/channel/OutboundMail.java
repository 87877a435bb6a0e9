package io.otklik.channel;

import java.util.List;

/**
 * A mail to send. {@code key} makes queuing idempotent (a listener that runs twice queues once), e.g.
 * {@code "ack:1042"}. {@code ticketId} threads it with the ticket's other mails (Message-ID, In-Reply-To,
 * References); {@code ticketMessageId}, when the mail carries an agent's reply, gets its delivery state.
 * {@code html} may be null (plain text only).
 */
public record OutboundMail(String key, Long ticketId, Long ticketMessageId, List<String> to, List<String> cc,
        String subject, String text, String html) {
}
