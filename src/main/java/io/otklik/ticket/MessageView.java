package io.otklik.ticket;

import java.time.Instant;
import java.util.List;

/**
 * A message as shown in the conversation. The body is plain text; pages escape it. {@code deliveryProblem} says why
 * the last try to deliver a public reply failed (null when none did, or once it is sent).
 */
public record MessageView(long id, TicketId ticket, MessageKind kind, Actor author, Channel channel, String body,
        Delivery delivery, Instant createdAt, List<AttachmentView> attachments, String deliveryProblem) {

    public boolean isNote() {
        return kind == MessageKind.INTERNAL_NOTE;
    }
}
