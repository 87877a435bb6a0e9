package io.otklik.channel;

/**
 * Something about an arriving message an agent should know: what was left out or repaired while reading it.
 * {@code detail} holds the particulars (file names and sizes, the header as written) in no particular language;
 * the reason is what a page translates.
 */
public record InboundNote(Reason reason, String detail) {

    public enum Reason {
        /** Header lines that were not headers were skipped. */
        HEADER_REPAIRED,
        /** No usable From: the sender was taken from another header, or is unknown. */
        FROM_MISSING,
        /** No Date: the time was taken from the first Received header, or is unknown. */
        DATE_MISSING,
        /** A Date that could not be read: the time was taken from the first Received header, or is unknown. */
        DATE_UNREADABLE,
        /** No Message-ID: the message is identified by a hash of its content. */
        MESSAGE_ID_MISSING,
        /** A text was not in the character set it was labelled with (or had none); it was read in another. */
        CHARSET_REPAIRED,
        /** A part's Content-Type could not be read; it was read as well as possible. */
        CONTENT_TYPE_BROKEN,
        /** A part could not be read at all and is left out. */
        PART_UNREADABLE,
        /** A forwarded message is kept as an attachment (.eml). */
        FORWARDED_MESSAGE,
        /** The files inside an Outlook winmail.dat were taken out. */
        TNEF_UNPACKED,
        /** An Outlook winmail.dat could not be read and is kept as it came. */
        TNEF_UNREADABLE,
        /** The message was over the size limit: this attachment was left out. */
        ATTACHMENT_DROPPED,
        /** The message was over the size limit: the text was cut. */
        TEXT_TRUNCATED,
        /** Active content (scripts, frames, forms, event handlers, javascript: links) was removed from the HTML. */
        HTML_SANITIZED
    }

    @Override
    public String toString() {
        return reason + (detail == null || detail.isEmpty() ? "" : ": " + detail);
    }
}
