package io.otklik.channel.email;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * Which character set a text is really in. Mail often says nothing, or says {@code us-ascii} or {@code iso-8859-1}
 * while the bytes are UTF-8 or Russian in windows-1251 or KOI8-R; sometimes it names the wrong Russian set. The
 * rules: pure ASCII is what it says; bytes that are valid UTF-8 (with non-ASCII in them) are UTF-8, whatever the
 * label; otherwise, when the label is missing, western or plainly wrong, a text that reads as Russian in
 * windows-1251 or KOI8-R is read in the one where it looks most like Russian (lower-case letters, frequent letters
 * weigh more, capitals inside words count against).
 */
final class CharsetGuess {

    static final Charset WINDOWS_1251 = Charset.forName("windows-1251");
    static final Charset KOI8_R = Charset.forName("KOI8-R");
    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /** Russian letters from the most to the least frequent. */
    private static final String FREQUENT = "оеаинтсрвлкмдпуяызьбгчйхжшюцщэфъё";

    /** Names seen in mail for sets Java knows by another name. */
    private static final Map<String, String> ALIASES = Map.of(
            "cp-1251", "windows-1251", "win-1251", "windows-1251", "windows1251", "windows-1251",
            "win1251", "windows-1251", "koi8", "KOI8-R", "koi-8r", "KOI8-R", "koi8r", "KOI8-R",
            "utf8", "UTF-8", "unicode-1-1-utf-8", "UTF-8", "ansi_x3.4-1968", "US-ASCII");

    private CharsetGuess() {
    }

    /** The text of the bytes, read in {@link #of(byte[], String)}; bytes that do not fit become U+FFFD. */
    static String decode(byte[] bytes, String declared) {
        return read(bytes, of(bytes, declared));
    }

    static String read(byte[] bytes, Charset charset) {
        return new String(bytes, charset);
    }

    /** The set the bytes are in, given what they are labelled with (null or blank when unlabelled). */
    static Charset of(byte[] bytes, String declared) {
        Charset named = known(declared);
        if (named != null && (named.name().startsWith("UTF-16") || named.name().startsWith("UTF-32"))) {
            return named;
        }
        if (ascii(bytes)) {
            return named == null ? StandardCharsets.US_ASCII : named;
        }
        if (utf8(bytes)) {
            return StandardCharsets.UTF_8;
        }
        Charset russian = russian(bytes);
        if (named == null || named.equals(StandardCharsets.US_ASCII) || named.equals(StandardCharsets.UTF_8)
                || named.equals(StandardCharsets.ISO_8859_1) || named.equals(WINDOWS_1252)) {
            if (russian != null) {
                return russian;
            }
            return named == null || named.equals(StandardCharsets.UTF_8) || named.equals(StandardCharsets.US_ASCII)
                    ? WINDOWS_1252 : named;
        }
        if ((named.equals(WINDOWS_1251) || named.equals(KOI8_R)) && russian != null && !russian.equals(named)
                && score(bytes, russian) > 2 * Math.max(0, score(bytes, named))) {
            return russian;
        }
        return named;
    }

    /** The set a label names, or null when it names none Java knows. */
    static Charset known(String declared) {
        if (declared == null || declared.isBlank()) {
            return null;
        }
        String name = declared.strip().replace("\"", "").replace("'", "");
        name = ALIASES.getOrDefault(name.toLowerCase(Locale.ROOT), name);
        try {
            Charset charset = Charset.forName(name);
            // Java reads ISO-8859-1 and windows-1252 the same for mail purposes; the latter has quotes and dashes.
            return charset.equals(StandardCharsets.ISO_8859_1) ? WINDOWS_1252 : charset;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static boolean ascii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    static boolean utf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /**
     * windows-1251 or KOI8-R, whichever makes the bytes read more like Russian; null when neither reads like a
     * text that is mostly Cyrillic (a western text with a few accented letters, say).
     */
    static Charset russian(byte[] bytes) {
        int cp1251 = score(bytes, WINDOWS_1251);
        int koi8 = score(bytes, KOI8_R);
        int best = Math.max(cp1251, koi8);
        if (best <= 0 || !mostlyCyrillic(bytes)) {
            return null;
        }
        return cp1251 >= koi8 ? WINDOWS_1251 : KOI8_R;
    }

    /** How Russian the text reads in the set: frequent lower-case letters score, capitals inside words cost. */
    static int score(byte[] bytes, Charset charset) {
        String text = read(bytes, charset);
        int score = 0;
        char previous = ' ';
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (cyrillic(c)) {
                if (Character.isLowerCase(c)) {
                    int rank = FREQUENT.indexOf(c);
                    score += rank < 0 ? 1 : 1 + (FREQUENT.length() - rank) / 6;
                } else if (cyrillic(previous) && Character.isLowerCase(previous)) {
                    score -= 4;
                }
            } else if (c >= '\u2500' && c <= '\u25ff') {
                // Box drawing: what KOI8-R makes of windows-1251 punctuation.
                score -= 4;
            }
            previous = c;
        }
        return score;
    }

    /** At least a third of the letters are non-ASCII bytes from the Cyrillic range of both sets. */
    private static boolean mostlyCyrillic(byte[] bytes) {
        int high = 0;
        int latin = 0;
        for (byte b : bytes) {
            int v = b & 0xff;
            if (v >= 0xc0) {
                high++;
            } else if ((v >= 'a' && v <= 'z') || (v >= 'A' && v <= 'Z')) {
                latin++;
            }
        }
        return high * 2 >= latin;
    }

    private static boolean cyrillic(char c) {
        return (c >= '\u0410' && c <= '\u044f') || c == 'ё' || c == 'Ё';
    }
}
