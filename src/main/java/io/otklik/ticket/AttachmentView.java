package io.otklik.ticket;

/** An attachment as listed under its message. */
public record AttachmentView(long id, TicketId ticket, long messageId, String fileName, String contentType,
        long size) {
}
