package io.otklik.channel;

/**
 * A file that came with a message. {@code contentId} (without angle brackets, may be null) is what the HTML body
 * refers to as {@code cid:…}; {@code inline} files are shown in the body rather than listed.
 */
public record InboundAttachment(String fileName, String contentType, byte[] data, String contentId, boolean inline) {

    public InboundAttachment {
        data = data == null ? new byte[0] : data;
    }

    /** Size in bytes. */
    public long size() {
        return data.length;
    }

    @Override
    public String toString() {
        return fileName + " (" + contentType + ", " + data.length + " bytes" + (inline ? ", inline" : "") + ")";
    }
}
