package io.otklik.channel;

import java.time.Instant;
import java.util.List;

/**
 * An arrived message as the inbound pipeline works with it, whatever channel it came by.
 * <ul>
 * <li>{@code externalId}: the channel's id of the message (an email's Message-ID with angle brackets), or
 * {@code sha256:<hex of the raw bytes>} when it has none; the same message arriving twice has the same id.</li>
 * <li>{@code from} may have a blank address when no sender could be found (see {@link #notes()}).</li>
 * <li>{@code sentAt} is when the sender says it was sent; null when unknown.</li>
 * <li>{@code text} is the plain text body (never null); {@code html} the sanitized HTML body, or null.</li>
 * <li>{@code inReplyTo} and {@code references}: the ids it answers, for threading (angle brackets kept).</li>
 * <li>{@code bounce} is set for {@link InboundKind#BOUNCE} only.</li>
 * </ul>
 */
public record InboundMessage(String externalId, InboundAddress from, List<InboundAddress> to, List<InboundAddress> cc,
        String subject, Instant sentAt, String text, String html, List<InboundAttachment> attachments,
        String inReplyTo, List<String> references, InboundKind kind, BounceReport bounce, List<InboundNote> notes) {

    public InboundMessage {
        to = List.copyOf(to);
        cc = List.copyOf(cc);
        subject = subject == null ? "" : subject;
        text = text == null ? "" : text;
        attachments = List.copyOf(attachments);
        references = List.copyOf(references);
        notes = List.copyOf(notes);
    }

    /** Whether something was left out or repaired while reading, of this reason. */
    public boolean noted(InboundNote.Reason reason) {
        return notes.stream().anyMatch(note -> note.reason() == reason);
    }
}
