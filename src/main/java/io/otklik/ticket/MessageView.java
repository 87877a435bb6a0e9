package io.otklik.ticket;

import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A message as shown in the conversation. The body is plain text; pages escape it. {@code deliveryProblem} says why
 * the last try to deliver a public reply failed (null when none did, or once it is sent). {@code origin} names where
 * the message came from as its channel knows it ({@code "inbound:1042"}: the stored original); {@code threadReason}
 * says why it is on this ticket, as a message key and an optional argument after '|'
 * ({@code "thread.in-reply-to|<abc@x>"}). Both are null for messages typed here.
 */
public record MessageView(long id, TicketId ticket, MessageKind kind, Actor author, Channel channel, String body,
        Delivery delivery, Instant createdAt, List<AttachmentView> attachments, String deliveryProblem, String origin,
        String threadReason) {

    private static final Pattern INBOUND = Pattern.compile("inbound:(\\d{1,18})");

    public boolean isNote() {
        return kind == MessageKind.INTERNAL_NOTE;
    }

    /** The message key of the thread reason ({@code "thread.moved"}), or null when there is none. */
    public String threadReasonKey() {
        if (threadReason == null || threadReason.isBlank()) {
            return null;
        }
        int bar = threadReason.indexOf('|');
        return (bar < 0 ? threadReason : threadReason.substring(0, bar)).strip();
    }

    /** The argument of the thread reason ({@code "OTK-12"}), or an empty text when it has none. */
    public String threadReasonArgument() {
        int bar = threadReason == null ? -1 : threadReason.indexOf('|');
        return bar < 0 ? "" : threadReason.substring(bar + 1).strip();
    }

    /** The id of the stored original in the channel's inbound store, when the origin names one. */
    public Long inboundOriginal() {
        Matcher m = origin == null ? null : INBOUND.matcher(origin.strip());
        return m != null && m.matches() ? Long.valueOf(m.group(1)) : null;
    }
}
