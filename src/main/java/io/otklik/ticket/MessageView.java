package io.otklik.ticket;

import java.time.Instant;
import java.util.List;

/** A message as shown in the conversation. The body is plain text; pages escape it. */
public record MessageView(long id, TicketId ticket, MessageKind kind, Actor author, Channel channel, String body,
        Delivery delivery, Instant createdAt, List<AttachmentView> attachments) {

    public boolean isNote() {
        return kind == MessageKind.INTERNAL_NOTE;
    }
}
