package io.otklik.bench;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Random;
import java.util.zip.CRC32;

/**
 * Customer mails as they reach a help desk's mailbox, whole (RFC 822): Russian letters and some English ones, as
 * plain text or with an HTML alternative (Outlook's and Gmail's markup), signatures and legal footers, a screenshot
 * or a PDF attached to about one in ten, ~20 KB on average. Most come from a new sender, some from a customer who
 * wrote before (a new ticket each), and about one in ten is a reply to an earlier one (In-Reply-To and References
 * name it; it quotes it). Every mail depends only on the seed, the number of mails and its position, so any one can
 * be made on its own, in any order, and the same seed gives the same mails; {@code tag} makes the Message-IDs of one
 * run unique. Not for use by several threads at once.
 */
final class MailFactory {

    /** A reply answers a mail at least this many places earlier: one the app has had time to see. */
    static final int REPLY_GAP = 100;
    static final double REPLY_SHARE = 0.10;
    static final double ATTACHMENT_SHARE = 0.10;
    private static final double RETURNING_SHARE = 0.20;
    private static final double ENGLISH_SHARE = 0.25;
    private static final double CORPORATE_SHARE = 0.40;
    /** Attachment sizes are log-normal: median e^MU bytes, spread SIGMA; capped at MAX_FILE. */
    private static final double FILE_MU = Math.log(74_000);
    private static final double FILE_SIGMA = 0.8;
    private static final int MAX_FILE = 2_000_000;
    /** Seconds between two mails' Date headers; the last is dated a moment before {@code now}. */
    private static final int SPACING = 7;
    private static final String CRLF = "\r\n";
    private static final ZoneOffset MOSCOW = ZoneOffset.ofHours(3);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z",
            Locale.ENGLISH);
    private static final DateTimeFormatter QUOTE_RU = DateTimeFormatter.ofPattern("EEE, d MMM yyyy 'г. в' HH:mm",
            Locale.of("ru"));
    private static final DateTimeFormatter QUOTE_EN = DateTimeFormatter.ofPattern("EEE, d MMM yyyy 'at' HH:mm",
            Locale.ENGLISH);
    private static final DateTimeFormatter SCREENSHOT = DateTimeFormatter.ofPattern("yyyy-MM-dd 'в' HH.mm.ss");
    private static final Base64.Encoder BASE64 = Base64.getMimeEncoder(76, CRLF.getBytes(StandardCharsets.US_ASCII));
    private static final Base64.Encoder BASE64_LINE = Base64.getEncoder();

    // Salts: each decision about a mail draws from its own stream, so one never shifts another.
    private static final int REPLY = 1;
    private static final int TARGET = 2;
    private static final int CUSTOMER = 3;
    private static final int PERSON = 4;
    private static final int LETTER = 5;
    private static final int FORM = 6;
    private static final int FILE = 7;
    private static final int ID = 8;

    private final long seed;
    private final String tag;
    private final String mailbox;
    private final long firstSecond;
    private final double replyChance;
    private final double returningChance;
    /** Which mail each reply answers (-1: not a reply), worked out up to {@link #settled}. */
    private final int[] targets;
    private int settled;

    /** One mail and what it was made to be. */
    record Mail(int index, String messageId, String from, String inReplyTo, boolean returning, String attachment,
            byte[] raw) {

        boolean reply() {
            return inReplyTo != null;
        }

        boolean hasAttachment() {
            return attachment != null;
        }
    }

    /** Who writes: the same person for every mail of theirs. */
    private record Customer(String name, String address, String domain, boolean english, String company,
            String position, String phone, boolean disclaimer) {
    }

    /**
     * @param total   how many mails the run has (replies are spread so that about a tenth of them answer another)
     * @param tag     made part of every Message-ID, so that a second run's mails are new to the app
     * @param mailbox the support address the mails are sent to
     * @param now     the last mail is dated shortly before this
     */
    MailFactory(long seed, int total, String tag, String mailbox, Instant now) {
        this.seed = seed;
        this.tag = tag;
        this.mailbox = mailbox;
        this.firstSecond = now.getEpochSecond() - (long) total * SPACING;
        // Only mails after the first REPLY_GAP can answer or come back: they do so more often in a short run.
        this.replyChance = total <= REPLY_GAP ? 0 : Math.min(1, REPLY_SHARE * total / (total - REPLY_GAP));
        this.returningChance = total <= REPLY_GAP ? 0
                : Math.min(1, RETURNING_SHARE * total / (total - REPLY_GAP));
        this.targets = new int[total];
    }

    Mail mail(int index) {
        boolean reply = isReply(index);
        int target = reply ? target(index) : -1;
        int author = authorOf(index);
        Customer who = customer(author);
        Random form = random(index, FORM);

        String subject;
        String letter;
        String quoteHeader = null;
        String quoted = null;
        if (reply) {
            String[] original = letter(target, who);
            subject = (who.english() || form.nextBoolean() ? "Re: " : "RE: ") + original[0];
            Random random = random(index, LETTER);
            letter = who.english() ? MailTexts.followUp(random, who.name())
                    : Texts.customerFollowUp(random, who.name());
            Instant then = date(target);
            quoteHeader = (who.english() ? "On " + QUOTE_EN.format(then.atOffset(MOSCOW))
                    : QUOTE_RU.format(then.atOffset(MOSCOW))) + ", " + who.name() + " <" + who.address() + ">"
                    + (who.english() ? " wrote:" : ":");
            quoted = original[1];
        } else {
            String[] own = letter(index, who);
            subject = own[0];
            letter = own[1];
        }
        String signature = signature(who);

        StringBuilder out = new StringBuilder(24_000);
        Instant date = date(index);
        headers(out, index, who, subject, date, reply ? messageId(target) : null, form);

        // 20% plain text only, 40% with Outlook's HTML, 40% with Gmail's.
        int kind = form.nextInt(10);
        String html = kind < 2 ? null : kind < 6 ? outlookHtml(letter, signature, quoteHeader, quoted, who)
                : gmailHtml(letter, signature, quoteHeader, quoted);
        String plain = plain(letter, signature, quoteHeader, quoted);
        Attachment file = attachment(index, who, date);

        String boundary = "=_" + HexFormat.of().toHexDigits(form.nextLong());
        if (file != null) {
            out.append("Content-Type: multipart/mixed;").append(CRLF).append("\tboundary=\"mixed").append(boundary)
                    .append('"').append(CRLF).append(CRLF).append("This is a multi-part message in MIME format.")
                    .append(CRLF).append(CRLF).append("--mixed").append(boundary).append(CRLF);
        }
        if (html != null) {
            out.append("Content-Type: multipart/alternative;").append(CRLF).append("\tboundary=\"alt")
                    .append(boundary).append('"').append(CRLF).append(CRLF);
            out.append("--alt").append(boundary).append(CRLF);
            text(out, "plain", plain, who.english() ? "quoted-printable" : "base64");
            out.append(CRLF).append("--alt").append(boundary).append(CRLF);
            text(out, "html", html, who.english() || kind < 6 ? "quoted-printable" : "base64");
            out.append(CRLF).append("--alt").append(boundary).append("--").append(CRLF);
        } else {
            text(out, "plain", plain, who.english() ? "quoted-printable" : "base64");
        }
        if (file != null) {
            out.append(CRLF).append("--mixed").append(boundary).append(CRLF);
            out.append("Content-Type: ").append(file.type()).append(";").append(CRLF).append("\tname=\"")
                    .append(file.headerName()).append('"').append(CRLF);
            out.append("Content-Disposition: attachment;").append(CRLF).append('\t').append(file.disposition())
                    .append(CRLF);
            out.append("Content-Transfer-Encoding: base64").append(CRLF).append(CRLF);
            out.append(BASE64.encodeToString(file.bytes())).append(CRLF);
            out.append(CRLF).append("--mixed").append(boundary).append("--").append(CRLF);
        }
        return new Mail(index, messageId(index), who.address(), reply ? messageId(target) : null,
                !reply && author != index, file == null ? null : file.name(),
                out.toString().getBytes(StandardCharsets.US_ASCII));
    }

    // ---- who writes what -------------------------------------------------------------------------------------

    boolean isReply(int index) {
        return index >= REPLY_GAP && random(index, REPLY).nextDouble() < replyChance;
    }

    /**
     * The mail a reply answers: a first letter (not a reply itself), at least {@link #REPLY_GAP} places earlier, and
     * none that another reply among the {@link #REPLY_GAP} before answers already (two replies to one ticket at the
     * same moment make the app retry one of them 30 s later; that would measure the retry, not the throughput).
     */
    int target(int index) {
        if (index >= targets.length) {
            throw new IllegalArgumentException("mail " + index + " of " + targets.length);
        }
        // Each choice depends on the replies just before: worked out in order, once.
        for (; settled <= index; settled++) {
            targets[settled] = isReply(settled) ? choose(settled) : -1;
        }
        return targets[index];
    }

    private int choose(int index) {
        int start = random(index, TARGET).nextInt(index - REPLY_GAP + 1);
        for (int j = start; j >= 0; j--) {
            if (!isReply(j) && !answeredJustBefore(j, index)) {
                return j;
            }
        }
        for (int j = start + 1; j <= index - REPLY_GAP; j++) {
            if (!isReply(j) && !answeredJustBefore(j, index)) {
                return j;
            }
        }
        int j = start;
        while (isReply(j)) {
            j--;
        }
        return j;
    }

    private boolean answeredJustBefore(int original, int index) {
        for (int k = Math.max(REPLY_GAP, index - REPLY_GAP + 1); k < index; k++) {
            if (targets[k] == original) {
                return true;
            }
        }
        return false;
    }

    /**
     * The customer of a mail, named by the position of their first mail. A customer writes again (a new matter, a
     * new ticket) at least {@link #REPLY_GAP} mails later, as people do: not in the same fetch as before.
     */
    int authorOf(int index) {
        int i = index;
        while (true) {
            if (isReply(i)) {
                i = target(i);
                continue;
            }
            Random random = random(i, CUSTOMER);
            if (i >= REPLY_GAP && random.nextDouble() < returningChance) {
                i = random.nextInt(i - REPLY_GAP + 1);
                continue;
            }
            return i;
        }
    }

    String messageId(int index) {
        Random random = random(index, ID);
        return "<" + Long.toString(random.nextLong() & Long.MAX_VALUE, 36) + "." + tag + "." + index + "@"
                + customer(authorOf(index)).domain() + ">";
    }

    private Customer customer(int id) {
        Random random = random(id, PERSON);
        Names.Person person = Names.person(random);
        boolean english = random.nextDouble() < ENGLISH_SHARE;
        boolean corporate = random.nextDouble() < CORPORATE_SHARE;
        String[] organization = corporate ? Names.organization(random) : null;
        String domain = corporate ? organization[1] + ".ru" : Names.mailHost(random);
        String name = english ? MailTexts.latinName(person)
                : random.nextBoolean() ? person.shortName() : person.fullName();
        String address = person.mailbox() + id + "@" + domain;
        return new Customer(name, address, domain, english, corporate ? organization[0] : null,
                MailTexts.position(random, english), MailTexts.phone(random), corporate && random.nextInt(10) < 7);
    }

    /** The subject and text of the first letter at {@code index}: the same whenever it is asked for. */
    private String[] letter(int index, Customer who) {
        Random random = random(index, LETTER);
        if (who.english()) {
            return new String[] {MailTexts.subject(random), MailTexts.letter(random, who.name())};
        }
        return new String[] {Texts.subject(random), Texts.description(random, who.name())};
    }

    private static String signature(Customer who) {
        StringBuilder text = new StringBuilder(700).append(who.name()).append('\n').append(who.position());
        if (who.company() != null) {
            text.append(who.english() ? ", " : "\n").append(who.company());
        }
        text.append('\n').append(who.english() ? "Mobile: " : "Тел.: ").append(who.phone());
        if (who.disclaimer()) {
            text.append("\n\n").append(MailTexts.disclaimer(who.english()));
        }
        return text.toString();
    }

    private Instant date(int index) {
        return Instant.ofEpochSecond(firstSecond + (long) index * SPACING + random(index, FORM).nextInt(SPACING));
    }

    // ---- headers -----------------------------------------------------------------------------------------------

    private void headers(StringBuilder out, int index, Customer who, String subject, Instant date, String inReplyTo,
            Random form) {
        String when = DATE.format(date.atOffset(MOSCOW));
        String relay = "mx" + (1 + form.nextInt(4)) + "." + who.domain();
        String ip = (form.nextInt(200) + 20) + "." + form.nextInt(256) + "." + form.nextInt(256) + "."
                + (form.nextInt(250) + 2);
        out.append("Return-Path: <").append(who.address()).append('>').append(CRLF);
        out.append("Received: from ").append(relay).append(" (").append(relay).append(" [").append(ip)
                .append("])").append(CRLF).append("\tby mx.otklik.local with ESMTPS id ")
                .append(HexFormat.of().toHexDigits(form.nextLong())).append(CRLF).append("\tfor <").append(mailbox)
                .append(">; ").append(when).append(CRLF);
        out.append("Authentication-Results: mx.otklik.local;").append(CRLF).append("\tdkim=pass header.d=")
                .append(who.domain()).append(" header.s=mail header.b=").append(signatureStart(form)).append(';')
                .append(CRLF).append("\tspf=pass (mx.otklik.local: domain of ").append(who.address())
                .append(" designates ").append(ip).append(" as permitted sender) smtp.mailfrom=")
                .append(who.address()).append(';').append(CRLF).append("\tdmarc=pass (p=REJECT sp=REJECT dis=NONE) "
                        + "header.from=").append(who.domain()).append(CRLF);
        out.append("X-Spam-Status: No, score=-0.").append(1 + form.nextInt(9)).append(" required=5.0 tests=BAYES_00,"
                + "DKIM_SIGNED,DKIM_VALID,DKIM_VALID_AU,HTML_MESSAGE,RCVD_IN_DNSWL_NONE,SPF_PASS autolearn=ham")
                .append(CRLF).append("\tautolearn_force=no version=4.0.1").append(CRLF);
        out.append("Received: from [10.").append(form.nextInt(256)).append('.').append(form.nextInt(256)).append('.')
                .append(form.nextInt(256)).append("] by ").append(relay).append(" with ESMTPSA id ")
                .append(Long.toString(form.nextLong() & Long.MAX_VALUE, 36)).append(';').append(CRLF)
                .append('\t').append(when).append(CRLF);
        if (who.company() == null) {
            // The big webmail services seal what they pass on (ARC): three more long headers.
            byte[] seal = new byte[256];
            form.nextBytes(seal);
            String arc = BASE64_LINE.encodeToString(seal);
            out.append("ARC-Seal: i=1; a=rsa-sha256; t=").append(date.getEpochSecond()).append("; cv=none; d=")
                    .append(who.domain()).append("; s=arc-20240605;").append(CRLF).append("\tb=");
            folded(out, arc);
            out.append("ARC-Message-Signature: i=1; a=rsa-sha256; c=relaxed/relaxed; d=").append(who.domain())
                    .append("; s=arc-20240605;").append(CRLF).append("\th=to:subject:message-id:date:from:"
                            + "in-reply-to:references:mime-version:dkim-signature;").append(CRLF).append("\tbh=")
                    .append(arc, 0, 43).append("=;").append(CRLF).append("\tb=");
            form.nextBytes(seal);
            folded(out, BASE64_LINE.encodeToString(seal));
            out.append("ARC-Authentication-Results: i=1; mx.").append(who.domain()).append(';').append(CRLF)
                    .append("\tdkim=pass header.i=@").append(who.domain()).append(" header.s=mail;").append(CRLF)
                    .append("\tspf=pass (").append(who.domain()).append(": domain of ").append(who.address())
                    .append(" designates ").append(ip).append(" as permitted sender) smtp.mailfrom=")
                    .append(who.address()).append(';').append(CRLF).append("\tdmarc=pass (p=NONE sp=QUARANTINE "
                            + "dis=NONE) header.from=").append(who.domain()).append(CRLF);
        }
        byte[] hash = new byte[32];
        byte[] signature = new byte[256];
        form.nextBytes(hash);
        form.nextBytes(signature);
        String b = BASE64_LINE.encodeToString(signature);
        out.append("DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=").append(who.domain())
                .append("; s=mail;").append(CRLF).append("\tt=").append(date.getEpochSecond())
                .append("; h=from:to:subject:date:message-id:in-reply-to:references:mime-version;").append(CRLF)
                .append("\tbh=").append(BASE64_LINE.encodeToString(hash)).append(';').append(CRLF).append("\tb=");
        folded(out, b);
        out.append("From: ").append(word(who.name())).append(" <").append(who.address()).append('>').append(CRLF);
        out.append("To: ").append(word(who.english() ? "Support" : "Служба поддержки")).append(" <").append(mailbox)
                .append('>').append(CRLF);
        out.append("Subject: ").append(word(subject)).append(CRLF);
        out.append("Date: ").append(when).append(CRLF);
        out.append("Message-ID: ").append(messageId(index)).append(CRLF);
        if (inReplyTo != null) {
            out.append("In-Reply-To: ").append(inReplyTo).append(CRLF);
            out.append("References: ").append(inReplyTo).append(CRLF);
        }
        switch (form.nextInt(3)) {
            case 0 -> out.append("X-Mailer: Microsoft Outlook 16.0").append(CRLF).append("Thread-Index: ")
                    .append(BASE64_LINE.encodeToString(hash).substring(0, 30)).append(CRLF)
                    .append("Content-Language: ").append(who.english() ? "en-us" : "ru").append(CRLF);
            case 1 -> out.append("User-Agent: Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 "
                    + "Thunderbird/128.5.0").append(CRLF).append("Content-Language: ")
                    .append(who.english() ? "en-US" : "ru").append(CRLF);
            default -> {
                // Webmail adds nothing of its own.
            }
        }
        out.append("MIME-Version: 1.0").append(CRLF);
    }

    /** A long base64 value of a signature header, folded in lines of 70, ending the header. */
    private static void folded(StringBuilder out, String value) {
        for (int at = 0; at < value.length(); at += 70) {
            out.append(at == 0 ? "" : CRLF + "\t ").append(value, at, Math.min(value.length(), at + 70));
        }
        out.append(CRLF);
    }

    private static String signatureStart(Random random) {
        byte[] bytes = new byte[6];
        random.nextBytes(bytes);
        return BASE64_LINE.encodeToString(bytes);
    }

    /** A header value: as is when plain ASCII, else RFC 2047 encoded words of at most 45 bytes, folded. */
    static String word(String text) {
        if (text.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() * 3);
        int from = 0;
        while (from < text.length()) {
            int to = from;
            int bytes = 0;
            while (to < text.length()) {
                int cp = text.codePointAt(to);
                int size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
                if (bytes + size > 45) {
                    break;
                }
                bytes += size;
                to += Character.charCount(cp);
            }
            out.append(from == 0 ? "" : CRLF + " ").append("=?UTF-8?B?")
                    .append(BASE64_LINE.encodeToString(text.substring(from, to).getBytes(StandardCharsets.UTF_8)))
                    .append("?=");
            from = to;
        }
        return out.toString();
    }

    // ---- bodies ------------------------------------------------------------------------------------------------

    private static String plain(String letter, String signature, String quoteHeader, String quoted) {
        StringBuilder text = new StringBuilder(letter.length() + signature.length() + 200).append(letter)
                .append("\n\n-- \n").append(signature);
        if (quoted != null) {
            text.append("\n\n").append(quoteHeader).append('\n');
            for (String line : quoted.split("\n", -1)) {
                text.append(line.isEmpty() ? ">" : "> " + line).append('\n');
            }
        }
        return text.toString();
    }

    private static String outlookHtml(String letter, String signature, String quoteHeader, String quoted,
            Customer who) {
        StringBuilder html = new StringBuilder(8_000);
        html.append("<html xmlns:v=\"urn:schemas-microsoft-com:vml\" xmlns:o=\"urn:schemas-microsoft-com:office:"
                + "office\" xmlns:w=\"urn:schemas-microsoft-com:office:word\" xmlns:m=\"http://schemas.microsoft.com/"
                + "office/2004/12/omml\" xmlns=\"http://www.w3.org/TR/REC-html40\"><head><meta http-equiv=\"Content-"
                + "Type\" content=\"text/html; charset=utf-8\"><meta name=\"Generator\" content=\"Microsoft Word 15 "
                + "(filtered medium)\"><style>").append(MailTexts.OUTLOOK_STYLE)
                .append("</style><!--[if gte mso 9]><xml>\n<o:shapedefaults v:ext=\"edit\" spidmax=\"1026\" />\n"
                        + "</xml><![endif]--><!--[if gte mso 9]><xml>\n<o:shapelayout v:ext=\"edit\">\n<o:idmap "
                        + "v:ext=\"edit\" data=\"1\" />\n</o:shapelayout></xml><![endif]--></head>")
                .append("<body lang=\"").append(who.english() ? "EN-US" : "RU")
                .append("\" link=\"#0563C1\" vlink=\"#954F72\" style=\"word-wrap:break-word\"><div class=\"Word"
                        + "Section1\">\n");
        for (String line : letter.split("\n", -1)) {
            html.append(line.isEmpty() ? "<p class=\"MsoNormal\"><o:p>&nbsp;</o:p></p>\n"
                    : "<p class=\"MsoNormal\">" + escape(line) + "<o:p></o:p></p>\n");
        }
        html.append("<p class=\"MsoNormal\"><o:p>&nbsp;</o:p></p>\n");
        for (String line : signature.split("\n", -1)) {
            html.append("<p class=\"MsoNormal\"><span style=\"font-size:9.0pt;font-family:&quot;Tahoma&quot;,"
                    + "sans-serif;color:#7F7F7F;mso-fareast-language:RU\">")
                    .append(line.isEmpty() ? "<o:p>&nbsp;</o:p>" : escape(line) + "<o:p></o:p>")
                    .append("</span></p>\n");
        }
        if (quoted != null) {
            html.append("<div><div style=\"border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm\">"
                    + "<p class=\"MsoNormal\"><b>").append(escape(quoteHeader)).append("</b><o:p></o:p></p></div>"
                    + "</div>\n<div style=\"border:none;border-left:solid #CCCCCC 1.0pt;padding:0cm 0cm 0cm 6.0pt;"
                    + "margin-left:4.8pt;margin-right:0cm\">\n");
            for (String line : quoted.split("\n", -1)) {
                html.append(line.isEmpty() ? "<p class=\"MsoNormal\"><o:p>&nbsp;</o:p></p>\n"
                        : "<p class=\"MsoNormal\">" + escape(line) + "<o:p></o:p></p>\n");
            }
            html.append("</div>\n");
        }
        return html.append("</div>\n</body>\n</html>\n").toString();
    }

    private static String gmailHtml(String letter, String signature, String quoteHeader, String quoted) {
        StringBuilder html = new StringBuilder(3_000).append("<div dir=\"ltr\">");
        for (String line : letter.split("\n", -1)) {
            html.append(line.isEmpty() ? "<div><br></div>" : "<div>" + escape(line) + "</div>");
        }
        html.append("<br clear=\"all\"><div><br></div><span class=\"gmail_signature_prefix\">-- </span><br>"
                + "<div dir=\"ltr\" class=\"gmail_signature\"><div dir=\"ltr\">");
        for (String line : signature.split("\n", -1)) {
            html.append(line.isEmpty() ? "<div><br></div>"
                    : "<div><font color=\"#888888\" size=\"1\">" + escape(line) + "</font></div>");
        }
        html.append("</div></div></div>\n");
        if (quoted != null) {
            html.append("<br><div class=\"gmail_quote gmail_quote_container\"><div dir=\"ltr\" class=\"gmail_attr\">")
                    .append(escape(quoteHeader)).append("<br></div><blockquote class=\"gmail_quote\" style=\"margin:"
                            + "0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204);padding-left:1ex\">"
                            + "<div dir=\"ltr\">");
            for (String line : quoted.split("\n", -1)) {
                html.append(line.isEmpty() ? "<div><br></div>" : "<div>" + escape(line) + "</div>");
            }
            html.append("</div></blockquote></div>\n");
        }
        return html.toString();
    }

    private static void text(StringBuilder out, String subtype, String text, String encoding) {
        out.append("Content-Type: text/").append(subtype).append("; charset=\"UTF-8\"").append(CRLF)
                .append("Content-Transfer-Encoding: ").append(encoding).append(CRLF).append(CRLF);
        byte[] bytes = text.replace("\n", CRLF).getBytes(StandardCharsets.UTF_8);
        out.append(encoding.equals("base64") ? BASE64.encodeToString(bytes) : quotedPrintable(bytes)).append(CRLF);
    }

    /** RFC 2045 quoted-printable of text whose lines end in CRLF: lines of at most 76 characters. */
    static String quotedPrintable(byte[] bytes) {
        StringBuilder out = new StringBuilder(bytes.length * 2);
        int column = 0;
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xff;
            if (b == '\r' && i + 1 < bytes.length && bytes[i + 1] == '\n') {
                out.append(CRLF);
                column = 0;
                i++;
                continue;
            }
            boolean lineEnds = i + 1 == bytes.length || bytes[i + 1] == '\r';
            boolean literal = b >= 33 && b <= 126 && b != '=' || (b == ' ' || b == '\t') && !lineEnds;
            int width = literal ? 1 : 3;
            if (column + width > 75) {
                out.append('=').append(CRLF);
                column = 0;
            }
            if (literal) {
                out.append((char) b);
            } else {
                out.append('=').append(Character.toUpperCase(Character.forDigit(b >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
            column += width;
        }
        return out.toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    // ---- attachments -------------------------------------------------------------------------------------------

    /** A file attached: its name, how the headers write the name, its type and its bytes. */
    private record Attachment(String name, String headerName, String disposition, String type, byte[] bytes) {
    }

    private Attachment attachment(int index, Customer who, Instant date) {
        Random random = random(index, FILE);
        if (random.nextDouble() >= ATTACHMENT_SHARE) {
            return null;
        }
        int size = (int) Math.min(MAX_FILE, Math.max(2_000, Math.exp(FILE_MU + FILE_SIGMA * random.nextGaussian())));
        if (random.nextBoolean()) {
            String name = who.english() ? (random.nextBoolean() ? "screenshot.png" : "error.png")
                    : "Снимок экрана " + SCREENSHOT.format(date.atOffset(MOSCOW)) + ".png";
            String header = word(name).replace(CRLF + " ", " ");
            return new Attachment(name, header, "filename=\"" + header + "\"", "image/png", png(random, size));
        }
        int number = 1000 + random.nextInt(9000);
        String name = switch (random.nextInt(3)) {
            case 0 -> who.english() ? "invoice-" + number + ".pdf" : "Счёт №" + number + ".pdf";
            case 1 -> "scan_" + String.format(Locale.ROOT, "%04d", random.nextInt(100)) + ".pdf";
            default -> who.english() ? "contract-" + number + ".pdf" : "Акт сверки " + number + ".pdf";
        };
        // The name in RFC 2231 form, as Thunderbird writes it; Outlook's encoded word in the type's name.
        String disposition = name.chars().allMatch(c -> c < 0x80) ? "filename=\"" + name + "\""
                : "filename*=UTF-8''" + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        return new Attachment(name, word(name).replace(CRLF + " ", " "), disposition, "application/pdf",
                pdf(random, size));
    }

    /** A PNG: signature, header, one data chunk of noise (compressed pixels look like noise), end. */
    static byte[] png(Random random, int size) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(size + 64);
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        ByteBuffer header = ByteBuffer.allocate(13).putInt(640 + random.nextInt(1280)).putInt(400 + random.nextInt(800))
                .put((byte) 8).put((byte) 6).put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(out, "IHDR", header.array());
        byte[] data = new byte[Math.max(16, size - 57)];
        random.nextBytes(data);
        chunk(out, "IDAT", data);
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(name);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    /** A PDF: the usual opening objects, one compressed stream of noise, the cross-reference table's trailer. */
    static byte[] pdf(Random random, int size) {
        String head = "%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
                + "2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n3 0 obj\n<< /Type /Page /Parent 2 0 R "
                + "/MediaBox [0 0 595 842] /Contents 4 0 R >>\nendobj\n";
        String tail = "\nendstream\nendobj\nxref\n0 5\n0000000000 65535 f \ntrailer\n<< /Size 5 /Root 1 0 R >>\n"
                + "startxref\n" + size + "\n%%EOF\n";
        int streamLength = Math.max(16, size - head.length() - tail.length() - 60);
        String open = "4 0 obj\n<< /Length " + streamLength + " /Filter /FlateDecode >>\nstream\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream(size + 64);
        out.writeBytes(head.getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(open.getBytes(StandardCharsets.ISO_8859_1));
        byte[] data = new byte[streamLength];
        random.nextBytes(data);
        out.writeBytes(data);
        out.writeBytes(tail.getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }

    // ---- randomness ----------------------------------------------------------------------------------------------

    /** A stream of its own for one decision about one mail: depends on the seed, the position and the salt only. */
    private Random random(int index, int salt) {
        return new Random(mix(seed + mix(((long) salt << 32) | index)));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }
}
