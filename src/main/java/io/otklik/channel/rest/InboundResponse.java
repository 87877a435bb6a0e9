package io.otklik.channel.rest;

import java.net.URI;
import java.time.Instant;

import io.otklik.channel.ArrivedVia;
import io.otklik.channel.InboundOutcome;
import io.otklik.channel.InboundRecord;
import io.otklik.channel.InboundState;
import io.otklik.ticket.Channel;

import io.swagger.v3.oas.annotations.media.Schema;

/** A stored inbound message: how and when it came, where it stands, what became of it and why. */
record InboundResponse(
        long id,
        Channel channel,
        @Schema(description = "The mailbox (or other channel account) it came in for.")
        long accountId,
        ArrivedVia arrivedVia,
        @Schema(description = "The message's own id: an email's Message-ID, or sha256:<hex> of it when it has none.")
        String messageId,
        long sizeBytes,
        Instant receivedAt,
        @Schema(description = "RECEIVED: waiting to be processed (also between tries); DONE; FAILED: given up on.")
        InboundState state,
        InboundOutcome outcome,
        @Schema(description = "Why, as stored: message keys with their argument, e.g. thread.in-reply-to|<id>; "
                + "two parts are joined by \" · \".")
        String reason,
        @Schema(description = "The reason in the caller's language.")
        String reasonText,
        String sender,
        String subject,
        Long ticketId,
        @Schema(description = "The ticket's number as people see it (on single messages, not in listings).")
        String ticketReference,
        int attempts,
        @Schema(description = "When it is tried next, while it waits.")
        Instant nextAttemptAt,
        String lastError,
        Instant processedAt,
        @Schema(description = "Where to download the original (message/rfc822).")
        URI original) {

    static InboundResponse of(InboundRecord r, String reasonText, String ticketReference, URI original) {
        return new InboundResponse(r.id(), r.channel(), r.accountId(), r.arrivedVia(), r.externalId(), r.sizeBytes(),
                r.receivedAt(), r.state(), r.outcome(), r.reason(), reasonText.isEmpty() ? null : reasonText,
                r.sender(), r.subject(), r.ticketId(), ticketReference, r.attempts(),
                r.state() == InboundState.RECEIVED ? r.nextAttemptAt() : null, r.lastError(), r.processedAt(),
                original);
    }
}
