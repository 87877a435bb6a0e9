package io.otklik.ticket;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Ticket settings: {@code numberPrefix} goes before the number ("OTK-1042"); attachments are stored under
 * {@code attachmentsDir} and refused above {@code attachmentsMaxSize}.
 */
@ConfigurationProperties("otklik")
record TicketProperties(Numbering tickets, AttachmentLimits attachments) {

    TicketProperties {
        tickets = tickets == null ? new Numbering("OTK-") : tickets;
        attachments = attachments == null ? new AttachmentLimits(Path.of("data/files"), DataSize.ofMegabytes(20)) : attachments;
    }

    record Numbering(String numberPrefix) {
        Numbering {
            numberPrefix = numberPrefix == null ? "" : numberPrefix;
        }
    }

    record AttachmentLimits(Path dir, DataSize maxSize) {
        AttachmentLimits {
            dir = dir == null ? Path.of("data/files") : dir;
            maxSize = maxSize == null ? DataSize.ofMegabytes(20) : maxSize;
        }
    }
}
