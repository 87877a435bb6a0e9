package io.otklik.ticket;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** A file attached to a message; its content lives in the attachment store under its SHA-256. */
@Entity
@Table(name = "ticket_attachment")
class TicketAttachment {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ticket_attachment_seq")
    @SequenceGenerator(name = "ticket_attachment_seq", sequenceName = "ticket_attachment_seq", allocationSize = 50)
    private Long id;

    private Long ticketId;
    private Long messageId;
    private String fileName;
    private String contentType;
    private long sizeBytes;
    private String sha256;
    private Instant createdAt;

    protected TicketAttachment() {
    }

    TicketAttachment(long ticketId, long messageId, StoredFile file, Instant now) {
        this.ticketId = ticketId;
        this.messageId = messageId;
        this.fileName = file.fileName();
        this.contentType = file.contentType();
        this.sizeBytes = file.size();
        this.sha256 = file.sha256();
        this.createdAt = now;
    }

    AttachmentView view() {
        return new AttachmentView(id, new TicketId(ticketId), messageId, fileName, contentType, sizeBytes);
    }

    Long ticketId() {
        return ticketId;
    }

    Long messageId() {
        return messageId;
    }

    String sha256() {
        return sha256;
    }
}
