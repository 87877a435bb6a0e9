package io.otklik.channel.email;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.otklik.channel.InboundAddress;

/**
 * Header values as a person reads them, from headers as they arrive: RFC 2047 encoded words (also when a word is
 * split in the middle of a character, when the label lies, when the padding is off) and unencoded 8-bit text
 * (read with {@link CharsetGuess}). Jakarta Mail hands header values over with each byte as one character.
 */
final class HeaderText {

    private static final Pattern ENCODED_WORD = Pattern.compile("=\\?([^?\\s]+)\\?([bBqQ])\\?(.*?)\\?=");

    private HeaderText() {
    }

    /** The value unfolded, with 8-bit bytes read in their likely set; encoded words are left as they are. */
    static String raw(String value) {
        if (value == null) {
            return null;
        }
        String unfolded = value.replaceAll("\\r?\\n(?=[ \\t])", "").replace("\r", "").replace("\n", "");
        boolean eightBit = false;
        for (int i = 0; i < unfolded.length(); i++) {
            char c = unfolded.charAt(i);
            if (c > 0xff) {
                return unfolded;
            }
            eightBit |= c > 0x7f;
        }
        return eightBit ? CharsetGuess.decode(unfolded.getBytes(StandardCharsets.ISO_8859_1), null) : unfolded;
    }

    /** The value fully decoded: unfolded, 8-bit bytes and encoded words read. */
    static String decode(String value) {
        String text = raw(value);
        if (text == null) {
            return null;
        }
        Matcher words = ENCODED_WORD.matcher(text);
        StringBuilder out = new StringBuilder();
        ByteArrayOutputStream pending = new ByteArrayOutputStream();
        String pendingCharset = null;
        int last = 0;
        while (words.find()) {
            String gap = text.substring(last, words.start());
            String charset = words.group(1);
            int star = charset.indexOf('*');
            charset = star >= 0 ? charset.substring(0, star) : charset;
            boolean adjacent = pendingCharset != null && gap.isBlank();
            if (!adjacent || !charset.equalsIgnoreCase(pendingCharset)) {
                flush(out, pending, pendingCharset);
                pendingCharset = null;
                if (!adjacent) {
                    out.append(gap);
                }
            }
            byte[] bytes = "B".equalsIgnoreCase(words.group(2)) ? base64(words.group(3)) : quoted(words.group(3));
            pending.writeBytes(bytes);
            pendingCharset = charset;
            last = words.end();
        }
        flush(out, pending, pendingCharset);
        out.append(text.substring(last));
        return out.toString().strip();
    }

    private static void flush(StringBuilder out, ByteArrayOutputStream pending, String charset) {
        if (pending.size() > 0) {
            out.append(CharsetGuess.decode(pending.toByteArray(), charset).replace("\r", "").replace("\n", " "));
            pending.reset();
        }
    }

    private static byte[] base64(String text) {
        String clean = text.replaceAll("[^A-Za-z0-9+/]", "");
        clean = clean.substring(0, clean.length() - (clean.length() % 4 == 1 ? 1 : 0));
        try {
            return Base64.getDecoder().decode(clean + "==".substring(0, (4 - clean.length() % 4) % 4));
        } catch (IllegalArgumentException e) {
            return text.getBytes(StandardCharsets.ISO_8859_1);
        }
    }

    private static byte[] quoted(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '_') {
                bytes.write(' ');
            } else if (c == '=' && i + 2 < text.length() && hex(text.charAt(i + 1)) >= 0
                    && hex(text.charAt(i + 2)) >= 0) {
                bytes.write(hex(text.charAt(i + 1)) * 16 + hex(text.charAt(i + 2)));
                i += 2;
            } else {
                bytes.write(c & 0xff);
            }
        }
        return bytes.toByteArray();
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }

    /**
     * The addresses of an address header, leniently: split at commas outside quotes, comments and angle brackets;
     * {@code Name <address>}, {@code address (Name)} and bare addresses; display names decoded. Groups
     * ({@code team: a@x, b@y;}) give their members.
     */
    static List<InboundAddress> addresses(String value) {
        List<InboundAddress> result = new ArrayList<>();
        String text = raw(value);
        if (text == null) {
            return result;
        }
        for (String piece : split(text)) {
            InboundAddress address = address(piece);
            if (address != null) {
                result.add(address);
            }
        }
        return result;
    }

    private static List<String> split(String text) {
        List<String> pieces = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        int angle = 0;
        int comment = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '\\' && i + 1 < text.length()) {
                    current.append(c).append(text.charAt(++i));
                    continue;
                }
                quoted = c != '"';
            } else if (c == '"') {
                quoted = true;
            } else if (c == '(') {
                comment++;
            } else if (c == ')' && comment > 0) {
                comment--;
            } else if (c == '<' && comment == 0) {
                angle++;
            } else if (c == '>' && angle > 0 && comment == 0) {
                angle--;
            } else if ((c == ',' || c == ';') && angle == 0 && comment == 0) {
                pieces.add(current.toString());
                current.setLength(0);
                continue;
            } else if (c == ':' && angle == 0 && comment == 0 && current.indexOf("@") < 0) {
                // A group's name: what follows are its members.
                current.setLength(0);
                continue;
            }
            current.append(c);
        }
        pieces.add(current.toString());
        return pieces;
    }

    private static InboundAddress address(String piece) {
        String text = piece.strip();
        if (text.isEmpty()) {
            return null;
        }
        int open = text.lastIndexOf('<');
        int close = text.indexOf('>', Math.max(open, 0));
        if (open >= 0 && close > open) {
            String address = text.substring(open + 1, close).strip();
            String name = text.substring(0, open).strip();
            return new InboundAddress(address, name(name));
        }
        String name = null;
        int comment = text.indexOf('(');
        if (comment >= 0) {
            int end = text.lastIndexOf(')');
            name = text.substring(comment + 1, end > comment ? end : text.length());
            text = (text.substring(0, comment) + (end > comment ? text.substring(end + 1) : "")).strip();
        }
        return new InboundAddress(text.replace("\"", ""), name(name));
    }

    private static String name(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String name = raw.strip();
        if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
            name = name.substring(1, name.length() - 1).replaceAll("\\\\(.)", "$1");
        }
        name = decode(name);
        if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
            name = name.substring(1, name.length() - 1);
        }
        return name.isBlank() ? null : name;
    }
}
