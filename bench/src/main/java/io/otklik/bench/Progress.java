package io.otklik.bench;

import java.io.PrintStream;
import java.util.Locale;

/**
 * One terminal line redrawn in place: bar, percent, count, rate, ETA. When the output is not a terminal
 * (a log file, CI) it prints a plain line every tenth of the way instead, so logs stay readable.
 */
final class Progress {

    private static final int BAR = 30;

    private final String what;
    private final long total;
    private final long started = System.nanoTime();
    private final boolean terminal = System.console() != null;
    private final PrintStream out = System.out;
    private long lastDraw;
    private int lastTenth;
    private long lastPrinted = -1;

    Progress(String what, long total) {
        this.what = what;
        this.total = Math.max(1, total);
    }

    /** Shows {@code done} of the total and {@code rows} database rows written so far. */
    synchronized void show(long done, long rows, boolean force) {
        double seconds = Math.max(1e-9, (System.nanoTime() - started) / 1e9);
        double fraction = fraction(done);
        draw(done, fraction, force, () -> line(done, rows, seconds, fraction));
    }

    /** Shows {@code done} of the total with a text of the caller's own after the bar. */
    synchronized void show(long done, String text, boolean force) {
        double fraction = fraction(done);
        int filled = (int) Math.round(fraction * BAR);
        draw(done, fraction, force, () -> String.format(Locale.ROOT, "%s [%s] %5.1f%%  %s", what,
                "#".repeat(filled) + ".".repeat(BAR - filled), fraction * 100, text));
    }

    private double fraction(long done) {
        return Math.min(1.0, (double) done / total);
    }

    private void draw(long done, double fraction, boolean force, java.util.function.Supplier<String> line) {
        long nowNanos = System.nanoTime();
        if (!terminal) {
            int tenth = (int) (fraction * 10);
            if (tenth > lastTenth || force && done != lastPrinted) {
                lastTenth = tenth;
                lastPrinted = done;
                out.println(line.get());
            }
            return;
        }
        if (!force && nowNanos - lastDraw < 200_000_000L) {
            return;
        }
        lastDraw = nowNanos;
        out.print("\r" + line.get() + "   ");
        out.flush();
    }

    synchronized void finish(long done, long rows) {
        show(done, rows, true);
        if (terminal) {
            out.println();
        }
    }

    synchronized void finish(long done, String text) {
        show(done, text, true);
        if (terminal) {
            out.println();
        }
    }

    private String line(long done, long rows, double seconds, double fraction) {
        int filled = (int) Math.round(fraction * BAR);
        String bar = "#".repeat(filled) + ".".repeat(BAR - filled);
        double rate = done / seconds;
        String eta = fraction <= 0 ? "--:--" : duration((long) ((1 - fraction) * seconds / fraction));
        return String.format(Locale.ROOT, "%s [%s] %5.1f%%  %,d/%,d  %,.0f %s/s  %,.0f rows/s  elapsed %s  ETA %s",
                what, bar, fraction * 100, done, total, rate, what, rows / seconds, duration((long) seconds), eta);
    }

    static String duration(long seconds) {
        return seconds >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60,
                seconds % 60) : String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }
}
