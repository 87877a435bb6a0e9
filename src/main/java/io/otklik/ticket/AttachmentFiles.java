package io.otklik.ticket;

import org.springframework.core.io.Resource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Hands out attachment contents, only to those who may see the ticket they belong to. */
@Service
public class AttachmentFiles {

    private final TicketAttachments attachments;
    private final TicketStore store;
    private final AttachmentStore files;

    AttachmentFiles(TicketAttachments attachments, TicketStore store, AttachmentStore files) {
        this.attachments = attachments;
        this.store = store;
        this.files = files;
    }

    /** The attachment and its content; unknown and forbidden attachments alike are "not found". */
    @Transactional(readOnly = true)
    public Download open(long attachmentId) {
        TicketAttachment attachment = attachments.findById(attachmentId)
                .orElseThrow(() -> new io.otklik.shared.NotFoundException("attachment.not-found", attachmentId));
        try {
            store.load(new TicketId(attachment.ticketId()));
        } catch (io.otklik.shared.NotFoundException e) {
            throw new io.otklik.shared.NotFoundException("attachment.not-found", attachmentId);
        }
        return new Download(attachment.view(), files.open(attachment.sha256()));
    }

    /**
     * Refuses files a customer may not send (programs, scripts, anything over the size limit) before anything is
     * stored: for channels that take files from customers before handing them to {@link CustomerTickets} or
     * {@link TicketIntake}.
     */
    public void checkFromCustomer(java.util.List<NewAttachment> newFiles) {
        AttachmentRules.checkFromCustomer(newFiles == null ? java.util.List.of() : newFiles, files.maxSize());
    }

    /** Largest accepted attachment, in bytes. */
    public long maxSize() {
        return files.maxSize();
    }

    /** An attachment ready to stream. */
    public record Download(AttachmentView attachment, Resource content) {
    }
}
