package io.otklik.ticket;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits a plain-text message into what the writer wrote now and what can be folded away: the quoted history (lines
 * starting with "&gt;", a reply header such as "On … wrote:" or "пн, 3 нояб. 2026 г. в 10:00, Иван &lt;x@y&gt;:",
 * "-----Original Message-----", Outlook's "From: … Sent: … To: … Subject: …" block) and the signature (after "-- ",
 * or a "Sent from my iPhone" line). A quote answered in between ("&gt; question", answer, "&gt; question", answer)
 * stays: it is the context of the answers. Forwarded messages stay too: there the old text is the point. Never
 * folds everything: a message with nothing new is shown whole.
 */
public final class QuoteFolding {

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    private static final Pattern QUOTED = Pattern.compile("^\\s*>.*");
    private static final Pattern SIGNATURE_DASH = Pattern.compile("^--\\s?$");
    private static final Pattern MOBILE_SIGNATURE = Pattern.compile("^\\s*(?:sent from my\\s.{1,50}|"
            + "sent from (?:mail|outlook|yahoo|gmail|my|the)\\b.{0,50}|sent with \\S.{0,50}|get outlook for .{1,30}|"
            + "(?:отправлено|послано) (?:с|со|из|через) .{1,50})$", FLAGS);
    private static final Pattern ORIGINAL_MESSAGE = Pattern.compile("^\\s*-{2,}\\s*(?:original message|"
            + "исходное сообщение|оригинальное сообщение|reply message|ответное сообщение)\\s*-{2,}\\s*$", FLAGS);
    private static final Pattern FORWARDED = Pattern.compile("^\\s*(?:-{2,}\\s*)?(?:forwarded message|"
            + "пересылаемое сообщение|пересланное сообщение|переадресованное сообщение|begin forwarded message:?)"
            + "\\s*(?:-{2,})?\\s*$", FLAGS);
    private static final Pattern RULE = Pattern.compile("^\\s*_{10,}\\s*$");
    private static final Pattern HEADER_FROM = Pattern.compile("^\\s*\\*?(?:from|от|von|de)\\*?\\s*:\\*?\\s*\\S.*",
            FLAGS);
    private static final Pattern HEADER_SENT = Pattern.compile(
            "(?:^|\\s|\\*)(?:sent|date|отправлено|дата)\\*?\\s*:", FLAGS);
    private static final Pattern HEADER_SUBJECT = Pattern.compile("(?:^|\\s|\\*)(?:subject|тема)\\*?\\s*:", FLAGS);
    /** "On Mon, 3 Nov 2026 at 10:00, Ivan &lt;x@y&gt; wrote:", also wrapped over up to three lines. */
    private static final Pattern ON_WROTE = Pattern.compile("^on\\s(?=.*\\d).{4,300}\\swrote\\s?:$", FLAGS);
    private static final Pattern DATED_WROTE = Pattern.compile(
            "^.{0,300}(?:\\d{1,2}:\\d{2}|@).{0,300}\\s(?:wrote|написал\\(а\\)|написала?|пишет)\\s?:$", FLAGS);
    /** Gmail, Yandex and Mail.ru in Russian: a date with a time, then the sender's address, then a colon. */
    private static final Pattern DATED_ADDRESS = Pattern.compile(
            "^.{0,200}\\d{1,2}:\\d{2}.{0,200}<[^<>\\s]+@[^<>\\s]+>\\s?:$", FLAGS);
    /** "Ivan wrote:" — a header only when a quote follows. */
    private static final Pattern SOMEONE_WROTE = Pattern.compile(
            "^\\S.{0,150}\\s(?:wrote|написал\\(а\\)|написала?|пишет)\\s?:$", FLAGS);
    /** How the first line of a header wrapped over several lines looks: "On …", or with a time in it. */
    private static final Pattern HEADER_START = Pattern.compile("^\\s*on\\s|\\d{1,2}:\\d{2}|<\\s*$", FLAGS);
    private static final int HEADER_LINES = 3;
    private static final int OUTLOOK_BLOCK_LINES = 10;

    private QuoteFolding() {
    }

    /** A stretch of the message: shown as it is, or folded away behind "Show quoted text". */
    public record Part(String text, boolean folded) {
    }

    /** The message in parts, in order; blank parts are left out. A message with nothing to fold is one part. */
    public static List<Part> fold(String body) {
        String text = body == null ? "" : body;
        String[] lines = text.split("\\r?\\n", -1);
        List<Part> parts = new ArrayList<>();
        int shownFrom = 0;
        int i = 0;
        while (i < lines.length) {
            int tail = tailStartsAt(lines, i);
            if (tail >= 0) {
                add(parts, lines, shownFrom, i, false);
                add(parts, lines, i, lines.length, true);
                shownFrom = lines.length;
                break;
            }
            int header = replyHeader(lines, i, true);
            if (header > 0) {
                // A reply header, its quote, and the writer's answer after it (bottom posting).
                int end = quoteEnd(lines, skipBlank(lines, i + header));
                add(parts, lines, shownFrom, i, false);
                add(parts, lines, i, end, true);
                shownFrom = end;
                i = end;
                continue;
            }
            // A quote answered below it stays; its later lines are no tail either.
            i = QUOTED.matcher(lines[i]).matches() ? quoteEnd(lines, i) : i + 1;
        }
        add(parts, lines, shownFrom, lines.length, false);
        if (parts.stream().noneMatch(part -> !part.folded())) {
            return text.isBlank() ? List.of() : List.of(new Part(withoutBlankEdges(text), false));
        }
        return List.copyOf(parts);
    }

    /** Whether the message has anything to fold. */
    public static boolean folds(String body) {
        return fold(body).stream().anyMatch(Part::folded);
    }

    /** If what starts at line {@code i} is history or a signature running to the end, {@code i}; else -1. */
    private static int tailStartsAt(String[] lines, int i) {
        String line = lines[i];
        if (SIGNATURE_DASH.matcher(line).matches()) {
            return i;
        }
        if (historyStarts(lines, i)) {
            return i;
        }
        if (MOBILE_SIGNATURE.matcher(line).matches() && nothingNewFrom(lines, i + 1)) {
            return i;
        }
        if (QUOTED.matcher(line).matches() && nothingNewFrom(lines, i)) {
            return i;
        }
        return -1;
    }

    /**
     * Whether old mail starts at line {@code i} and runs to the end: "-----Original Message-----", an Outlook header
     * block (after its "____" rule, if any), or a full reply header followed by the old text unquoted (as when a
     * quote lost its "&gt;" marks on the way from HTML) or by a quote with nothing new after it.
     */
    private static boolean historyStarts(String[] lines, int i) {
        String line = lines[i];
        if (ORIGINAL_MESSAGE.matcher(line).matches()) {
            return true;
        }
        if (RULE.matcher(line).matches()) {
            int next = skipBlank(lines, i + 1);
            return next < lines.length && outlookBlock(lines, next);
        }
        if (outlookBlock(lines, i)) {
            return true;
        }
        int header = replyHeader(lines, i, false);
        if (header > 0) {
            int next = skipBlank(lines, i + header);
            return next >= lines.length || !QUOTED.matcher(lines[next]).matches()
                    || nothingNewFrom(lines, next);
        }
        header = replyHeader(lines, i, true);
        return header > 0 && nothingNewFrom(lines, i + header);
    }

    /**
     * How many lines (1 to 3) the reply header at line {@code i} spans, or 0 when there is none. A full header
     * ({@code weak} false) says when or from which address; a weak one ("Ivan wrote:") counts only with a quote after
     * it. Quoted lines are never headers: they belong to their quote.
     */
    private static int replyHeader(String[] lines, int i, boolean weak) {
        int span = headerSpan(lines, i, weak);
        if (span == 0 || !weak) {
            return span;
        }
        int next = skipBlank(lines, i + span);
        return next < lines.length && QUOTED.matcher(lines[next]).matches() ? span : 0;
    }

    /**
     * How many lines from line {@code i} read as a reply header, without looking at what follows. A header wrapped
     * over several lines starts at its first line, not at the line of text before it.
     */
    private static int headerSpan(String[] lines, int i, boolean weak) {
        if (lines[i].isBlank() || QUOTED.matcher(lines[i]).matches()) {
            return 0;
        }
        StringBuilder joined = new StringBuilder();
        for (int n = 0; n < HEADER_LINES && i + n < lines.length; n++) {
            String line = lines[i + n];
            if (line.isBlank() || (n > 0 && QUOTED.matcher(line).matches())) {
                return 0;
            }
            joined.append(n == 0 ? "" : " ").append(line.strip());
            if (line.strip().endsWith(":") && header(joined.toString().replaceAll("\\s+", " "), weak)) {
                boolean laterStart = n > 0 && !HEADER_START.matcher(lines[i]).find()
                        && headerSpan(lines, i + 1, weak) == n;
                return laterStart ? 0 : n + 1;
            }
        }
        return 0;
    }

    private static boolean header(String text, boolean weak) {
        return ON_WROTE.matcher(text).matches() || DATED_WROTE.matcher(text).matches()
                || DATED_ADDRESS.matcher(text).matches() || (weak && SOMEONE_WROTE.matcher(text).matches());
    }

    /** An Outlook header block at line {@code i}: From, then Sent (or Date) and Subject, on one line or several. */
    private static boolean outlookBlock(String[] lines, int i) {
        if (!HEADER_FROM.matcher(lines[i]).matches() || forwarded(lines, i)) {
            return false;
        }
        String block = String.join(" ", Arrays.copyOfRange(lines, i, Math.min(lines.length, i + OUTLOOK_BLOCK_LINES)));
        return HEADER_SENT.matcher(block).find() && HEADER_SUBJECT.matcher(block).find();
    }

    /** Whether the header block at line {@code i} is announced as a forwarded message (which stays shown). */
    private static boolean forwarded(String[] lines, int i) {
        int previous = i - 1;
        while (previous >= 0 && lines[previous].isBlank()) {
            previous--;
        }
        return previous >= 0 && FORWARDED.matcher(lines[previous]).matches();
    }

    /** Whether nothing from line {@code i} on was written now: blank lines, quotes, signatures, old mail. */
    private static boolean nothingNewFrom(String[] lines, int i) {
        for (int n = i; n < lines.length; n++) {
            String line = lines[n];
            if (line.isBlank() || QUOTED.matcher(line).matches()) {
                continue;
            }
            if (SIGNATURE_DASH.matcher(line).matches() || MOBILE_SIGNATURE.matcher(line).matches()
                    || historyStarts(lines, n)) {
                return true;
            }
            return false;
        }
        return true;
    }

    /** The line after the quote that starts at line {@code i} (blank lines inside it belong to it). */
    private static int quoteEnd(String[] lines, int i) {
        int end = i;
        for (int n = i; n < lines.length; n++) {
            if (QUOTED.matcher(lines[n]).matches()) {
                end = n + 1;
            } else if (!lines[n].isBlank()) {
                break;
            }
        }
        return end;
    }

    private static int skipBlank(String[] lines, int i) {
        int n = i;
        while (n < lines.length && lines[n].isBlank()) {
            n++;
        }
        return n;
    }

    private static void add(List<Part> parts, String[] lines, int from, int to, boolean folded) {
        if (from >= to) {
            return;
        }
        String text = withoutBlankEdges(String.join("\n", Arrays.copyOfRange(lines, from, to)));
        if (!text.isEmpty()) {
            parts.add(new Part(text, folded));
        }
    }

    /** The text without blank lines before and after it; the first line keeps its indent. */
    private static String withoutBlankEdges(String text) {
        String trimmed = text.stripTrailing();
        int start = 0;
        for (int n = 0; n < trimmed.length(); n++) {
            char c = trimmed.charAt(n);
            if (c == '\n') {
                start = n + 1;
            } else if (!Character.isWhitespace(c)) {
                break;
            }
        }
        return trimmed.substring(start);
    }
}
