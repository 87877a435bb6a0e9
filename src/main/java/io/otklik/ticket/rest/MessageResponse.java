package io.otklik.ticket.rest;

import java.time.Instant;
import java.util.List;

import io.otklik.ticket.Actor;
import io.otklik.ticket.AttachmentView;
import io.otklik.ticket.Channel;
import io.otklik.ticket.Delivery;
import io.otklik.ticket.MessageKind;
import io.otklik.ticket.MessageView;

/**
 * One message of a ticket's conversation with its attachments; the body is plain text. {@code origin} says where it
 * came from as its channel names it ({@code "inbound:1042"}), {@code threadReason} why it is on this ticket
 * ({@code "thread.moved|OTK-12"}); both are null for messages written here.
 */
record MessageResponse(long id, MessageKind kind, Actor author, Channel channel, String body, Delivery delivery,
        Instant createdAt, List<AttachmentLink> attachments, String origin, String threadReason) {

    static MessageResponse of(MessageView m) {
        return new MessageResponse(m.id(), m.kind(), m.author(), m.channel(), m.body(), m.delivery(), m.createdAt(),
                m.attachments().stream().map(AttachmentLink::of).toList(), m.origin(), m.threadReason());
    }

    /** An attached file; {@code href} downloads it. */
    record AttachmentLink(long id, String fileName, String contentType, long size, String href) {

        static AttachmentLink of(AttachmentView a) {
            return new AttachmentLink(a.id(), a.fileName(), a.contentType(), a.size(),
                    AttachmentApi.PATH.replace("{id}", Long.toString(a.id())));
        }
    }
}
