package io.otklik.channel.email;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLConnection;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentDisposition;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MailDateFormat;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimePart;

import io.otklik.channel.BounceReport;
import io.otklik.channel.InboundAddress;
import io.otklik.channel.InboundAttachment;
import io.otklik.channel.InboundKind;
import io.otklik.channel.InboundMessage;
import io.otklik.channel.InboundNote;
import io.otklik.channel.InboundNote.Reason;

/**
 * Reads one raw mail (RFC 5322 bytes) into an {@link InboundMessage}, whatever state it is in: the structure comes
 * from Jakarta Mail, everything a person reads (headers, texts, file names) is decoded here, leniently. Never
 * throws: what had to be repaired or left out becomes a note. Attachments that would take the message over
 * {@code maxSize} bytes are left out (the body always stays).
 */
final class MailParser {

    private static final Pattern ID = Pattern.compile("<[^<>\\s]+>");
    private static final Pattern HEADER_LINE = Pattern.compile("[!-9;-~]+[ \\t]*:");
    private static final int MAX_DEPTH = 20;

    private final String ownDomain;
    private final long maxSize;
    private final Pattern ownMessageId;
    private final Session session;

    /**
     * @param ownDomain the domain of our own Message-IDs (that of {@code otklik.mail.from})
     * @param maxSize the most bytes of body and attachments a message keeps
     */
    MailParser(String ownDomain, long maxSize) {
        this.ownDomain = ownDomain.toLowerCase(Locale.ROOT);
        this.maxSize = maxSize;
        this.ownMessageId = Pattern.compile("<(ticket-\\d+\\.)?[0-9a-f]{32}@" + Pattern.quote(this.ownDomain) + ">",
                Pattern.CASE_INSENSITIVE);
        Properties properties = new Properties();
        properties.setProperty("mail.mime.address.strict", "false");
        this.session = Session.getInstance(properties);
    }

    /**
     * The Message-ID of a mail whose header block is plain (ASCII header lines, the id in its usual form), read
     * without parsing the mail; null for anything else, which then takes a whole parse. Gives what {@link #parse}
     * gives as the external id whenever it gives anything.
     */
    static String plainMessageId(byte[] raw) {
        int limit = Math.min(raw.length, 256 * 1024);
        String found = null;
        int line = 0;
        while (line < limit) {
            int end = line;
            while (end < limit && raw[end] != '\n') {
                end++;
            }
            int stop = end > line && raw[end - 1] == '\r' ? end - 1 : end;
            if (stop == line) {
                return found;
            }
            byte first = raw[line];
            if (first == ' ' || first == '\t') {
                // A folded header's continuation: only the Message-ID's own would matter, and that is refused below.
                line = end + 1;
                continue;
            } else {
                int colon = -1;
                for (int i = line; i < stop; i++) {
                    byte b = raw[i];
                    if (b < 0) {
                        return null;
                    }
                    if (b == ':') {
                        colon = i;
                        break;
                    }
                }
                if (colon < 0) {
                    return null;
                }
                String name = new String(raw, line, colon - line, java.nio.charset.StandardCharsets.US_ASCII);
                if (found == null && name.equalsIgnoreCase("Message-ID")) {
                    String value = new String(raw, colon + 1, stop - colon - 1, java.nio.charset.StandardCharsets.US_ASCII);
                    int next = end + 1;
                    if (next < limit && (raw[next] == ' ' || raw[next] == '\t')) {
                        return null;
                    }
                    Matcher m = ID.matcher(value);
                    if (!m.find()) {
                        return null;
                    }
                    found = m.group();
                }
            }
            line = end + 1;
        }
        return null;
    }

    InboundMessage parse(byte[] raw) {
        Reading reading = new Reading();
        byte[] repaired = repairHeaders(raw, reading);
        MimeMessage message;
        try {
            message = new MimeMessage(session, new ByteArrayInputStream(repaired));
        } catch (MessagingException e) {
            reading.note(Reason.PART_UNREADABLE, "message: " + e.getMessage());
            reading.texts.add(CharsetGuess.decode(raw, null));
            return finish(null, reading, raw);
        }
        walk(message, reading, 0);
        return finish(message, reading, raw);
    }

    private InboundMessage finish(MimeMessage message, Reading reading, byte[] raw) {
        String externalId = first(ID, header(message, "Message-ID"));
        if (externalId == null) {
            String written = HeaderText.raw(header(message, "Message-ID"));
            if (written != null && !written.isBlank() && written.strip().contains("@")) {
                externalId = "<" + written.strip().replaceAll("[<>\\s]", "") + ">";
            } else {
                externalId = "sha256:" + sha256(raw);
                reading.note(Reason.MESSAGE_ID_MISSING, externalId);
            }
        }
        InboundAddress from = sender(message, reading);
        Instant sentAt = sentAt(message, reading);
        String subject = HeaderText.decode(header(message, "Subject"));
        List<String> references = all(ID, header(message, "References"));
        String inReplyTo = first(ID, header(message, "In-Reply-To"));

        String text = String.join("\n\n", reading.texts).strip();
        String html = null;
        if (!reading.htmls.isEmpty()) {
            MailHtml.Sanitized clean = MailHtml.sanitize(String.join("\n<hr>\n", reading.htmls));
            html = clean.html();
            if (clean.removed()) {
                reading.note(Reason.HTML_SANITIZED, null);
            }
            if (text.isEmpty()) {
                text = MailHtml.text(html);
            }
        }
        List<InboundAttachment> attachments = keepWithinLimit(reading, text, html);
        if (text.length() > maxSize) {
            reading.note(Reason.TEXT_TRUNCATED, text.length() + " characters, kept " + maxSize);
            text = text.substring(0, (int) maxSize);
        }

        InboundKind kind = InboundKind.NORMAL;
        BounceReport bounce = null;
        if (own(message, externalId)) {
            kind = InboundKind.OWN_NOTIFICATION;
        } else if (reading.failedReport || (!reading.report && fromMailerDaemon(from, subject))) {
            kind = InboundKind.BOUNCE;
            bounce = bounce(reading, text);
        } else if (reading.report || autoReply(message, subject)) {
            kind = InboundKind.AUTO_REPLY;
        }
        return new InboundMessage(externalId, from, addresses(message, "To"), addresses(message, "Cc"),
                subject == null ? "" : subject, sentAt, text, html, attachments, inReplyTo, references, kind, bounce,
                reading.notes);
    }

    // ---- headers

    /**
     * The header block without lines that are not headers (no colon, not a continuation); a leading mbox
     * {@code From } line goes too.
     */
    private static byte[] repairHeaders(byte[] raw, Reading reading) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length);
        List<String> dropped = new ArrayList<>();
        int at = 0;
        boolean first = true;
        while (at < raw.length) {
            int end = at;
            while (end < raw.length && raw[end] != '\n') {
                end++;
            }
            int lineEnd = end < raw.length ? end + 1 : end;
            String line = new String(raw, at, end - at, StandardCharsets.ISO_8859_1).replace("\r", "");
            if (line.isEmpty()) {
                out.write(raw, at, raw.length - at);
                break;
            }
            boolean continuation = line.charAt(0) == ' ' || line.charAt(0) == '\t';
            if ((continuation && !first) || HEADER_LINE.matcher(line).lookingAt()) {
                out.write(raw, at, lineEnd - at);
            } else {
                dropped.add(line.strip());
            }
            first = false;
            at = lineEnd;
        }
        if (!dropped.isEmpty()) {
            reading.note(Reason.HEADER_REPAIRED, HeaderText.raw(String.join(" | ", dropped)));
        }
        return out.toByteArray();
    }

    private static String header(Part part, String name) {
        if (part == null) {
            return null;
        }
        try {
            String[] values = part.getHeader(name);
            return values == null || values.length == 0 ? null : values[0];
        } catch (MessagingException e) {
            return null;
        }
    }

    private static List<InboundAddress> addresses(MimeMessage message, String name) {
        List<InboundAddress> result = new ArrayList<>();
        try {
            String[] values = message == null ? null : message.getHeader(name);
            if (values != null) {
                for (String value : values) {
                    result.addAll(HeaderText.addresses(value));
                }
            }
        } catch (MessagingException e) {
            // Unreadable: no addresses.
        }
        return result;
    }

    private static InboundAddress sender(MimeMessage message, Reading reading) {
        for (String name : List.of("From", "Sender", "Reply-To", "Return-Path")) {
            List<InboundAddress> found = HeaderText.addresses(header(message, name)).stream()
                    .filter(address -> address.address().contains("@")
                            || address.address().toLowerCase(Locale.ROOT).contains("mailer-daemon"))
                    .toList();
            if (!found.isEmpty()) {
                if (!"From".equals(name)) {
                    reading.note(Reason.FROM_MISSING, "taken from " + name + ": " + found.getFirst().address());
                }
                return found.getFirst();
            }
        }
        reading.note(Reason.FROM_MISSING, HeaderText.raw(header(message, "From")));
        return new InboundAddress("", null);
    }

    private static Instant sentAt(MimeMessage message, Reading reading) {
        String written = HeaderText.raw(header(message, "Date"));
        Instant date = date(written);
        if (date != null) {
            return date;
        }
        String received = HeaderText.raw(header(message, "Received"));
        Instant fallback = received == null || !received.contains(";") ? null
                : date(received.substring(received.lastIndexOf(';') + 1));
        String detail = (written == null ? "" : written.strip() + "; ")
                + (fallback == null ? "time unknown" : "taken from Received: " + fallback);
        reading.note(written == null || written.isBlank() ? Reason.DATE_MISSING : Reason.DATE_UNREADABLE, detail);
        return fallback;
    }

    private static Instant date(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip().replaceAll("\\s+", " ");
        try {
            Date parsed = new MailDateFormat().parse(text);
            if (parsed != null) {
                return parsed.toInstant();
            }
        } catch (ParseException | RuntimeException e) {
            // Try the other forms.
        }
        for (DateTimeFormatter format : List.of(DateTimeFormatter.RFC_1123_DATE_TIME,
                DateTimeFormatter.ISO_OFFSET_DATE_TIME, DateTimeFormatter.ISO_ZONED_DATE_TIME)) {
            try {
                return ZonedDateTime.parse(text, format).toInstant();
            } catch (DateTimeParseException e) {
                // Next form.
            }
        }
        return null;
    }

    // ---- body

    private void walk(Part part, Reading reading, int depth) {
        if (depth > MAX_DEPTH) {
            reading.note(Reason.PART_UNREADABLE, "nested deeper than " + MAX_DEPTH);
            return;
        }
        ContentType type = contentType(part, reading);
        String base = type.getBaseType().toLowerCase(Locale.ROOT);
        if (base.startsWith("multipart/")) {
            Multipart parts = multipart(part, reading);
            if (parts == null) {
                byte[] bytes = bytes(part, reading);
                if (bytes != null) {
                    reading.texts.add(CharsetGuess.decode(bytes, null).strip());
                }
                return;
            }
            if ("multipart/report".equals(base)) {
                reading.report = true;
            }
            try {
                for (int i = 0; i < parts.getCount(); i++) {
                    BodyPart child = parts.getBodyPart(i);
                    walk(child, reading, depth + 1);
                }
            } catch (MessagingException e) {
                reading.note(Reason.PART_UNREADABLE, base + ": " + e.getMessage());
            }
            return;
        }
        String disposition = disposition(part);
        String fileName = fileName(part);
        boolean attached = "attachment".equals(disposition) || (fileName != null && !fileName.isBlank());
        if ("message/delivery-status".equals(base) || "message/global-delivery-status".equals(base)) {
            byte[] bytes = bytes(part, reading);
            if (bytes != null) {
                deliveryStatus(new String(bytes, StandardCharsets.UTF_8), reading);
            }
            return;
        }
        if ("text/rfc822-headers".equals(base) || "message/global-headers".equals(base)) {
            byte[] bytes = bytes(part, reading);
            if (bytes != null) {
                reading.returnedHeaders = headersOf(bytes);
            }
            return;
        }
        if ("message/rfc822".equals(base) || "message/global".equals(base)) {
            byte[] bytes = bytes(part, reading);
            if (bytes != null) {
                InternetHeaders headers = headersOf(bytes);
                if (reading.report) {
                    // The mail a delivery report returns: only its headers matter.
                    if (reading.returnedHeaders == null) {
                        reading.returnedHeaders = headers;
                    }
                    return;
                }
                String subject = headers == null ? null : HeaderText.decode(headers.getHeader("Subject", null));
                String name = fileName != null && !fileName.isBlank() ? fileName
                        : safeName(subject == null || subject.isBlank() ? "message" : subject) + ".eml";
                reading.attachments.add(new InboundAttachment(name, "message/rfc822", bytes, contentId(part), false));
                reading.note(Reason.FORWARDED_MESSAGE, name);
            }
            return;
        }
        if (!attached && ("text/plain".equals(base) || "text/html".equals(base))) {
            byte[] bytes = bytes(part, reading);
            if (bytes == null) {
                return;
            }
            String declared = type.getParameter("charset");
            Charset used = CharsetGuess.of(bytes, declared);
            Charset named = CharsetGuess.known(declared);
            if (!CharsetGuess.ascii(bytes) && declared != null && !used.equals(named)) {
                reading.note(Reason.CHARSET_REPAIRED, declared + " → " + used.name());
            } else if (!CharsetGuess.ascii(bytes) && declared == null) {
                reading.note(Reason.CHARSET_REPAIRED, "none → " + used.name());
            }
            String text = CharsetGuess.read(bytes, used);
            if ("text/html".equals(base)) {
                reading.htmls.add(text);
            } else {
                reading.texts.add(text.replace("\r\n", "\n").strip());
            }
            return;
        }
        byte[] bytes = bytes(part, reading);
        if (bytes == null) {
            return;
        }
        String name = fileName == null || fileName.isBlank() ? unnamed(base, reading) : fileName;
        if ("application/ms-tnef".equals(base) || "application/vnd.ms-tnef".equals(base)
                || "winmail.dat".equalsIgnoreCase(name)) {
            try {
                List<TnefReader.TnefFile> files = TnefReader.read(bytes);
                if (!files.isEmpty()) {
                    for (TnefReader.TnefFile file : files) {
                        String inner = safeName(file.name());
                        reading.attachments.add(new InboundAttachment(inner, typeOf(inner), file.data(), null, false));
                    }
                    reading.note(Reason.TNEF_UNPACKED, name + ": " + String.join(", ",
                            files.stream().map(file -> safeName(file.name())).toList()));
                    return;
                }
            } catch (TnefReader.TnefException e) {
                reading.note(Reason.TNEF_UNREADABLE, name + ": " + e.getMessage());
            }
        }
        String contentId = contentId(part);
        boolean inline = !"attachment".equals(disposition) && ("inline".equals(disposition) || contentId != null);
        reading.attachments.add(new InboundAttachment(name, base, bytes, contentId, inline));
    }

    private static ContentType contentType(Part part, Reading reading) {
        String written = HeaderText.raw(header(part, "Content-Type"));
        if (written == null || written.isBlank()) {
            return new ContentType("text", "plain", null);
        }
        try {
            return new ContentType(written);
        } catch (jakarta.mail.internet.ParseException e) {
            reading.note(Reason.CONTENT_TYPE_BROKEN, written);
            Matcher base = Pattern.compile("^\\s*([\\w.+-]+)/([\\w.+-]+)").matcher(written);
            ContentType salvaged = base.find() ? new ContentType(base.group(1), base.group(2), null)
                    : new ContentType("text", "plain", null);
            Matcher charset = Pattern.compile("charset\\s*=\\s*\"?([^\";\\s]+)", Pattern.CASE_INSENSITIVE)
                    .matcher(written);
            if (charset.find()) {
                salvaged.setParameter("charset", charset.group(1));
            }
            Matcher name = Pattern.compile("name\\s*=\\s*\"([^\"]+)\"", Pattern.CASE_INSENSITIVE).matcher(written);
            if (name.find()) {
                salvaged.setParameter("name", name.group(1));
            }
            return salvaged;
        }
    }

    private static Multipart multipart(Part part, Reading reading) {
        try {
            Object content = part.getContent();
            if (content instanceof Multipart multipart) {
                multipart.getCount();
                return multipart;
            }
        } catch (IOException | MessagingException | RuntimeException e) {
            reading.note(Reason.CONTENT_TYPE_BROKEN, "multipart unreadable: " + e.getMessage());
        }
        return null;
    }

    private static String disposition(Part part) {
        String written = HeaderText.raw(header(part, "Content-Disposition"));
        if (written == null) {
            return null;
        }
        int semicolon = written.indexOf(';');
        return (semicolon < 0 ? written : written.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    /** The file name: Content-Disposition's filename, else Content-Type's name; RFC 2231 and 2047 both read. */
    private static String fileName(Part part) {
        String name = null;
        String disposition = HeaderText.raw(header(part, "Content-Disposition"));
        if (disposition != null) {
            try {
                name = new ContentDisposition(disposition).getParameter("filename");
            } catch (jakarta.mail.internet.ParseException e) {
                name = salvageParameter(disposition, "filename");
            }
        }
        if (name == null) {
            String type = HeaderText.raw(header(part, "Content-Type"));
            if (type != null) {
                try {
                    name = new ContentType(type).getParameter("name");
                } catch (jakarta.mail.internet.ParseException e) {
                    name = salvageParameter(type, "name");
                }
            }
        }
        return name == null ? null : safeName(HeaderText.decode(name));
    }

    private static String salvageParameter(String header, String parameter) {
        Matcher matcher = Pattern.compile("(?:^|;)\\s*" + parameter + "\\s*=\\s*(\"([^\"]*)\"|[^;\\s]+)",
                Pattern.CASE_INSENSITIVE).matcher(header);
        return matcher.find() ? (matcher.group(2) != null ? matcher.group(2) : matcher.group(1)) : null;
    }

    private static String contentId(Part part) {
        String id = HeaderText.raw(header(part, "Content-ID"));
        if (id == null || id.isBlank()) {
            return null;
        }
        return id.strip().replaceAll("^<|>$", "");
    }

    private static byte[] bytes(Part part, Reading reading) {
        try (InputStream in = part.getInputStream()) {
            return in.readAllBytes();
        } catch (IOException | MessagingException | RuntimeException e) {
            // An unknown or broken transfer encoding: the bytes as they are.
            if (part instanceof MimePart mime) {
                try (InputStream in = raw(mime)) {
                    if (in != null) {
                        return in.readAllBytes();
                    }
                } catch (IOException | MessagingException | RuntimeException again) {
                    // Reported below.
                }
            }
            reading.note(Reason.PART_UNREADABLE, e.getMessage());
            return null;
        }
    }

    private static InputStream raw(MimePart part) throws MessagingException {
        if (part instanceof jakarta.mail.internet.MimeBodyPart body) {
            return body.getRawInputStream();
        }
        if (part instanceof MimeMessage message) {
            return message.getRawInputStream();
        }
        return null;
    }

    private static InternetHeaders headersOf(byte[] bytes) {
        try {
            return new InternetHeaders(new ByteArrayInputStream(bytes));
        } catch (MessagingException e) {
            return null;
        }
    }

    // ---- reports and classification

    private static final Pattern FIELD = Pattern.compile("^([A-Za-z-]+)\\s*:\\s*(.*)$");

    /** The fields of a delivery-status part: the first recipient whose delivery failed (or the first of all). */
    private static void deliveryStatus(String text, Reading reading) {
        String unfolded = text.replace("\r", "").replaceAll("\\n[ \\t]+", " ");
        String recipient = null;
        String diagnostic = null;
        String status = null;
        String action = null;
        boolean failed = false;
        for (String block : unfolded.split("\\n\\s*\\n")) {
            String blockRecipient = null;
            String blockDiagnostic = null;
            String blockStatus = null;
            String blockAction = null;
            for (String line : block.split("\\n")) {
                Matcher field = FIELD.matcher(line.strip());
                if (!field.matches()) {
                    continue;
                }
                String name = field.group(1).toLowerCase(Locale.ROOT);
                String value = field.group(2).strip();
                switch (name) {
                    case "final-recipient", "original-recipient" -> {
                        if (blockRecipient == null || "final-recipient".equals(name)) {
                            blockRecipient = value.contains(";") ? value.substring(value.indexOf(';') + 1).strip()
                                    : value;
                        }
                    }
                    case "diagnostic-code" -> blockDiagnostic = value.contains(";")
                            ? value.substring(value.indexOf(';') + 1).strip() : value;
                    case "status" -> blockStatus = value;
                    case "action" -> blockAction = value.toLowerCase(Locale.ROOT);
                    default -> {
                    }
                }
            }
            if (blockRecipient == null) {
                continue;
            }
            boolean blockFailed = blockAction == null ? blockStatus != null && blockStatus.startsWith("5")
                    : blockAction.startsWith("failed");
            if (recipient == null || (blockFailed && !failed)) {
                recipient = blockRecipient;
                diagnostic = blockDiagnostic;
                status = blockStatus;
                action = blockAction;
                failed = blockFailed;
            }
        }
        reading.failedReport |= failed;
        reading.failedRecipient = recipient;
        reading.diagnostic = diagnostic != null ? diagnostic
                : status == null ? action : "status " + status;
    }

    private BounceReport bounce(Reading reading, String text) {
        String original = null;
        if (reading.returnedHeaders != null) {
            original = first(ID, reading.returnedHeaders.getHeader("Message-ID", null));
        }
        if (original == null) {
            Matcher written = Pattern.compile("Message-ID:\\s*(<[^<>\\s]+>)", Pattern.CASE_INSENSITIVE).matcher(text);
            if (written.find()) {
                original = written.group(1);
            } else {
                Matcher ours = ownMessageId.matcher(text);
                original = ours.find() ? ours.group() : null;
            }
        }
        String recipient = reading.failedRecipient;
        String diagnostic = reading.diagnostic;
        if (recipient == null) {
            Matcher address = Pattern.compile("<?([\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+)>?").matcher(text);
            while (address.find()) {
                String candidate = address.group(1);
                if (!candidate.toLowerCase(Locale.ROOT).endsWith("@" + ownDomain)
                        && !candidate.toLowerCase(Locale.ROOT).startsWith("mailer-daemon@")
                        && !candidate.toLowerCase(Locale.ROOT).startsWith("postmaster@")) {
                    recipient = candidate;
                    break;
                }
            }
        }
        if (diagnostic == null) {
            Matcher code = Pattern.compile("(?m)^.*\\b[45]\\d\\d[ -][^\\n]*$").matcher(text);
            diagnostic = code.find() ? code.group().strip() : null;
        }
        return new BounceReport(original, recipient, diagnostic);
    }

    private boolean own(MimeMessage message, String externalId) {
        return ownMessageId.matcher(externalId).matches() || header(message, "X-Otklik-Ticket") != null;
    }

    private static final Pattern BOUNCE_WORDING = Pattern.compile(
            "undeliver|delivery status notification|delivery fail|failure notice|returned mail|mail delivery failed"
                    + "|could not be delivered|не доставлен|недоставлен|не удалось доставить|не может быть доставлен"
                    + "|ошибка доставки",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private static boolean fromMailerDaemon(InboundAddress from, String subject) {
        String local = from.address().toLowerCase(Locale.ROOT);
        local = local.contains("@") ? local.substring(0, local.indexOf('@')) : local;
        return (local.equals("mailer-daemon") || local.equals("postmaster"))
                && subject != null && BOUNCE_WORDING.matcher(subject).find();
    }

    private static final Pattern AUTO_REPLY_WORDING = Pattern.compile(
            "out of (the )?office|automatic reply|auto[- ]?reply|autoreply|auto[- ]?response|away from (the )?office"
                    + "|on vacation|on holiday|on leave|автоответ|автоматический ответ|вне офиса|в отпуске"
                    + "|нет на месте|отсутству",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private static boolean autoReply(MimeMessage message, String subject) {
        String submitted = header(message, "Auto-Submitted");
        if (submitted != null && !submitted.strip().toLowerCase(Locale.ROOT).startsWith("no")) {
            return true;
        }
        if (header(message, "X-Autoreply") != null || header(message, "X-Autorespond") != null
                || header(message, "X-Autoresponder") != null) {
            return true;
        }
        String precedence = header(message, "Precedence");
        if (precedence != null && List.of("bulk", "junk", "auto_reply", "auto-reply")
                .contains(precedence.strip().toLowerCase(Locale.ROOT))) {
            return true;
        }
        String suppress = header(message, "X-Auto-Response-Suppress");
        if (suppress != null && suppress.toUpperCase(Locale.ROOT).matches(".*\\b(OOF|ALL)\\b.*")) {
            return true;
        }
        return subject != null && AUTO_REPLY_WORDING.matcher(subject).find();
    }

    // ---- size limit

    private List<InboundAttachment> keepWithinLimit(Reading reading, String text, String html) {
        long left = maxSize - text.getBytes(StandardCharsets.UTF_8).length
                - (html == null ? 0 : html.getBytes(StandardCharsets.UTF_8).length);
        List<InboundAttachment> kept = new ArrayList<>();
        for (InboundAttachment attachment : reading.attachments) {
            if (attachment.size() <= left) {
                kept.add(attachment);
                left -= attachment.size();
            } else {
                reading.note(Reason.ATTACHMENT_DROPPED, attachment.fileName() + " (" + attachment.size() + " bytes)");
            }
        }
        return kept;
    }

    // ---- small things

    private String unnamed(String type, Reading reading) {
        reading.unnamed++;
        String subtype = type.contains("/") ? type.substring(type.indexOf('/') + 1) : "bin";
        String extension = switch (subtype) {
            case "jpeg", "pjpeg" -> "jpg";
            case "plain" -> "txt";
            case "octet-stream" -> "bin";
            default -> subtype.replaceAll("[^a-z0-9]", "");
        };
        return (type.startsWith("image/") ? "image-" : "attachment-") + reading.unnamed + "." + extension;
    }

    /** A file name without folders, control characters or characters file systems refuse. */
    static String safeName(String name) {
        String base = name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1);
        base = base.replaceAll("[\\p{Cntrl}:*?\"<>|]", "_").strip();
        if (base.length() > 200) {
            base = base.substring(0, 200);
        }
        return base.isEmpty() || base.equals(".") || base.equals("..") ? "attachment" : base;
    }

    private static String typeOf(String name) {
        String type = URLConnection.guessContentTypeFromName(name);
        return type == null ? "application/octet-stream" : type;
    }

    private static String first(Pattern pattern, String value) {
        if (value == null) {
            return null;
        }
        Matcher matcher = pattern.matcher(HeaderText.raw(value));
        return matcher.find() ? matcher.group() : null;
    }

    private static List<String> all(Pattern pattern, String value) {
        List<String> found = new ArrayList<>();
        if (value != null) {
            Matcher matcher = pattern.matcher(HeaderText.raw(value));
            while (matcher.find()) {
                found.add(matcher.group());
            }
        }
        return found;
    }

    private static String sha256(byte[] raw) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What one parse has found so far. */
    private static final class Reading {
        final List<String> texts = new ArrayList<>();
        final List<String> htmls = new ArrayList<>();
        final List<InboundAttachment> attachments = new ArrayList<>();
        final List<InboundNote> notes = new ArrayList<>();
        boolean report;
        boolean failedReport;
        String failedRecipient;
        String diagnostic;
        InternetHeaders returnedHeaders;
        int unnamed;

        void note(Reason reason, String detail) {
            notes.add(new InboundNote(reason, detail));
        }
    }
}
