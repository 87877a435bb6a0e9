package io.otklik.channel.email;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The files inside an Outlook {@code winmail.dat} (TNEF, application/ms-tnef). Reads the attribute stream: each
 * attachment starts with its rendering attribute and brings its title (the file name, in the message's OEM code
 * page) and its data. Nothing else of the stream (the message's own properties, RTF body) is needed here.
 */
final class TnefReader {

    static final int SIGNATURE = 0x223E9F78;
    static final int LEVEL_MESSAGE = 1;
    static final int LEVEL_ATTACHMENT = 2;
    /** Attribute ids (low 16 bits; the high 16 bits are the type). */
    static final int ATT_OEM_CODEPAGE = 0x9007;
    static final int ATT_ATTACH_RENDDATA = 0x9002;
    static final int ATT_ATTACH_TITLE = 0x8010;
    static final int ATT_ATTACH_DATA = 0x800F;

    /** A file from the stream. */
    record TnefFile(String name, byte[] data) {
    }

    /** Not a TNEF stream, or one cut short. */
    static final class TnefException extends Exception {
        TnefException(String message) {
            super(message);
        }
    }

    private TnefReader() {
    }

    /** The files, in the order the stream has them; files without data are left out. */
    static List<TnefFile> read(byte[] stream) throws TnefException {
        if (stream.length < 6 || int32(stream, 0) != SIGNATURE) {
            throw new TnefException("not a TNEF stream");
        }
        Charset codepage = CharsetGuess.WINDOWS_1252;
        List<String> names = new ArrayList<>();
        List<byte[]> datas = new ArrayList<>();
        int at = 6;
        while (at < stream.length) {
            if (at + 9 > stream.length) {
                throw new TnefException("attribute header cut short at " + at);
            }
            int level = stream[at] & 0xff;
            int id = int32(stream, at + 1) & 0xffff;
            long length = int32(stream, at + 5) & 0xffffffffL;
            int start = at + 9;
            if (start + length + 2 > stream.length) {
                throw new TnefException("attribute data cut short at " + at);
            }
            byte[] value = Arrays.copyOfRange(stream, start, start + (int) length);
            if (level == LEVEL_MESSAGE && id == ATT_OEM_CODEPAGE && value.length >= 4) {
                Charset named = CharsetGuess.known("windows-" + int32(value, 0));
                codepage = named == null ? codepage : named;
            } else if (level == LEVEL_ATTACHMENT) {
                if (id == ATT_ATTACH_RENDDATA) {
                    names.add(null);
                    datas.add(null);
                } else if (id == ATT_ATTACH_TITLE || id == ATT_ATTACH_DATA) {
                    if (names.isEmpty()) {
                        names.add(null);
                        datas.add(null);
                    }
                    int last = names.size() - 1;
                    if (id == ATT_ATTACH_TITLE) {
                        names.set(last, string(value, codepage));
                    } else {
                        datas.set(last, value);
                    }
                }
            }
            at = start + (int) length + 2;
        }
        List<TnefFile> files = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            if (datas.get(i) != null) {
                String name = names.get(i) == null || names.get(i).isBlank() ? "attachment-" + (i + 1) : names.get(i);
                files.add(new TnefFile(name, datas.get(i)));
            }
        }
        return files;
    }

    private static String string(byte[] value, Charset codepage) {
        int end = 0;
        while (end < value.length && value[end] != 0) {
            end++;
        }
        byte[] bytes = Arrays.copyOf(value, end);
        return (CharsetGuess.utf8(bytes) ? CharsetGuess.decode(bytes, "UTF-8") : new String(bytes, codepage)).strip();
    }

    static int int32(byte[] bytes, int at) {
        return (bytes[at] & 0xff) | (bytes[at + 1] & 0xff) << 8 | (bytes[at + 2] & 0xff) << 16
                | (bytes[at + 3] & 0xff) << 24;
    }
}
