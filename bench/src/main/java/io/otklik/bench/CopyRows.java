package io.otklik.bench;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/** Rows for one table in PostgreSQL's COPY text format (tab-separated, {@code \N} for null), built in memory. */
final class CopyRows {

    private final StringBuilder text;
    private boolean rowStarted;
    private int rows;

    CopyRows(int expectedChars) {
        text = new StringBuilder(expectedChars);
    }

    CopyRows add(long value) {
        separate();
        text.append(value);
        return this;
    }

    CopyRows add(Long value) {
        return value == null ? addNull() : add(value.longValue());
    }

    CopyRows add(boolean value) {
        separate();
        text.append(value ? 't' : 'f');
        return this;
    }

    /** Escapes what COPY's text format treats specially; our word lists have no tabs, but message bodies have lines. */
    CopyRows add(String value) {
        if (value == null) {
            return addNull();
        }
        separate();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> text.append("\\\\");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                case '\t' -> text.append("\\t");
                default -> text.append(c);
            }
        }
        return this;
    }

    /** A UTC timestamp from epoch milliseconds, formatted by hand: it runs a dozen times for every ticket. */
    CopyRows addTime(long epochMillis) {
        separate();
        long seconds = Math.floorDiv(epochMillis, 1000);
        int millis = (int) Math.floorMod(epochMillis, 1000);
        LocalDate day = LocalDate.ofEpochDay(Math.floorDiv(seconds, 86_400));
        int secondOfDay = (int) Math.floorMod(seconds, 86_400);
        text.append(day.getYear()).append('-');
        two(day.getMonthValue()).append('-');
        two(day.getDayOfMonth()).append(' ');
        two(secondOfDay / 3600).append(':');
        two(secondOfDay / 60 % 60).append(':');
        two(secondOfDay % 60).append('.');
        if (millis < 100) {
            text.append('0');
        }
        two(millis).append("+00");
        return this;
    }

    CopyRows addTime(Long epochMillis) {
        return epochMillis == null ? addNull() : addTime(epochMillis.longValue());
    }

    CopyRows addNull() {
        separate();
        text.append("\\N");
        return this;
    }

    void endRow() {
        text.append('\n');
        rowStarted = false;
        rows++;
    }

    int rows() {
        return rows;
    }

    byte[] bytes() {
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private StringBuilder two(int value) {
        if (value < 10) {
            text.append('0');
        }
        return text.append(value);
    }

    private void separate() {
        if (rowStarted) {
            text.append('\t');
        }
        rowStarted = true;
    }
}
