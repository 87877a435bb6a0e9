package io.otklik.channel.email;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;

import jakarta.mail.Address;
import jakarta.mail.Header;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

/**
 * A mail as it reached the sandbox: its raw bytes, the envelope recipients, and what its list shows (from, to,
 * subject, Message-ID), read once when it arrived. {@link #read()} takes it apart for its page.
 */
public record SandboxMail(long number, Instant receivedAt, List<String> envelopeTo, String from, String to,
        String subject, String messageId, byte[] raw) {

    private static final Session SESSION = Session.getInstance(new Properties());

    static SandboxMail of(long number, Instant receivedAt, List<String> envelopeTo, byte[] raw) {
        MimeMessage message = parse(raw);
        String from = "";
        String to = String.join(", ", envelopeTo);
        String subject = "";
        String messageId = null;
        try {
            from = people(message.getFrom());
            String headerTo = people(message.getRecipients(Message.RecipientType.TO));
            to = headerTo.isEmpty() ? to : headerTo;
            subject = message.getSubject() == null ? "" : message.getSubject();
            messageId = message.getMessageID();
        } catch (MessagingException e) {
            // A malformed mail is still listed, with what could be read.
        }
        return new SandboxMail(number, receivedAt, List.copyOf(envelopeTo), from, to, subject, messageId, raw);
    }

    /** The mail parsed again (a fresh copy each time). */
    public MimeMessage message() {
        return parse(raw);
    }

    /** Headers (decoded), the text part, the HTML part and the names of attachments. */
    public Contents read() {
        MimeMessage message = message();
        List<HeaderLine> headers = new ArrayList<>();
        Contents contents = new Contents(headers, new StringBuilder(), new StringBuilder(), new ArrayList<>());
        try {
            for (Header header : Collections.list(message.getAllHeaders())) {
                headers.add(new HeaderLine(header.getName(), decode(header.getValue())));
            }
            walk(message, contents);
        } catch (MessagingException | IOException e) {
            contents.attachments().add("(" + e.getMessage() + ")");
        }
        return contents;
    }

    private static void walk(Part part, Contents contents) throws MessagingException, IOException {
        if (part.isMimeType("multipart/*")) {
            Multipart parts = (Multipart) part.getContent();
            for (int i = 0; i < parts.getCount(); i++) {
                walk(parts.getBodyPart(i), contents);
            }
        } else if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || part.getFileName() != null) {
            contents.attachments().add(part.getFileName() == null ? "" : decode(part.getFileName()));
        } else if (part.isMimeType("text/plain") && contents.text().isEmpty()) {
            contents.text().append(part.getContent());
        } else if (part.isMimeType("text/html") && contents.html().isEmpty()) {
            contents.html().append(part.getContent());
        }
    }

    private static String people(Address[] addresses) {
        if (addresses == null) {
            return "";
        }
        List<String> names = new ArrayList<>();
        for (Address address : addresses) {
            if (address instanceof InternetAddress internet) {
                String personal = internet.getPersonal();
                names.add(personal == null || personal.isBlank() ? internet.getAddress()
                        : personal + " <" + internet.getAddress() + ">");
            } else {
                names.add(address.toString());
            }
        }
        return String.join(", ", names);
    }

    private static String decode(String value) {
        try {
            return MimeUtility.decodeText(MimeUtility.unfold(value));
        } catch (UnsupportedEncodingException e) {
            return value;
        }
    }

    private static MimeMessage parse(byte[] raw) {
        try {
            return new MimeMessage(SESSION, new ByteArrayInputStream(raw));
        } catch (MessagingException e) {
            throw new IllegalStateException("A kept mail cannot be read again", e);
        }
    }

    /** One header as a person reads it. */
    public record HeaderLine(String name, String value) {
    }

    /** What a mail holds, taken apart for reading. */
    public record Contents(List<HeaderLine> headers, StringBuilder text, StringBuilder html, List<String> attachments) {

        public String textPart() {
            return text.toString();
        }

        public String htmlPart() {
            return html.toString();
        }
    }
}
