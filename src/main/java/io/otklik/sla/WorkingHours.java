package io.otklik.sla;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The working periods of one day, in order and not overlapping, e.g. 09:00–13:00 and 14:00–18:00. No periods
 * means a day off.
 */
public final class WorkingHours {

    /** A day off. */
    public static final WorkingHours NONE = new WorkingHours(List.of());

    /** Round the clock: 00:00–24:00. */
    public static final WorkingHours ALL_DAY = new WorkingHours(List.of(WorkingPeriod.of("00:00", "24:00")));

    private final List<WorkingPeriod> periods;
    private final long[] starts;
    private final long[] ends;
    private final long total;

    private WorkingHours(List<WorkingPeriod> periods) {
        this.periods = List.copyOf(periods);
        this.starts = new long[periods.size()];
        this.ends = new long[periods.size()];
        long sum = 0;
        for (int i = 0; i < periods.size(); i++) {
            starts[i] = periods.get(i).startNanos();
            ends[i] = periods.get(i).endNanos();
            if (i > 0 && starts[i] < ends[i - 1]) {
                throw new IllegalArgumentException("Working periods overlap: " + periods.get(i - 1) + " and "
                        + periods.get(i));
            }
            sum += ends[i] - starts[i];
        }
        this.total = sum;
    }

    public static WorkingHours of(WorkingPeriod... periods) {
        return of(Arrays.asList(periods));
    }

    /** The given periods in order of their start; overlapping periods are refused. */
    public static WorkingHours of(List<WorkingPeriod> periods) {
        if (periods.isEmpty()) {
            return NONE;
        }
        List<WorkingPeriod> sorted = new ArrayList<>(periods);
        sorted.sort(Comparator.comparing(WorkingPeriod::start));
        return new WorkingHours(sorted);
    }

    /** Reads {@code 09:00-13:00,14:00-18:00}; {@code off} or an empty text is a day off. */
    public static WorkingHours parse(String text) {
        String trimmed = text.strip();
        if (trimmed.isEmpty() || trimmed.equalsIgnoreCase("off")) {
            return NONE;
        }
        return of(Arrays.stream(trimmed.split("\\s*,\\s*")).map(WorkingPeriod::parse).toList());
    }

    public List<WorkingPeriod> periods() {
        return periods;
    }

    public boolean isDayOff() {
        return periods.isEmpty();
    }

    /** Working time on the wall clock. */
    public Duration total() {
        return Duration.ofNanos(total);
    }

    /**
     * The same hours with {@code cut} taken off the end of the day, as on a pre-holiday day: 09:00–18:00 shortened by
     * an hour is 09:00–17:00; periods that the cut swallows disappear.
     */
    public WorkingHours shortenedBy(Duration cut) {
        if (cut.isNegative()) {
            throw new IllegalArgumentException("A day cannot be shortened by a negative time: " + cut);
        }
        long left = cut.toNanos();
        List<WorkingPeriod> kept = new ArrayList<>(periods);
        while (left > 0 && !kept.isEmpty()) {
            WorkingPeriod last = kept.removeLast();
            long length = last.endNanos() - last.startNanos();
            if (length > left) {
                kept.add(new WorkingPeriod(last.start(), last.start().plusNanos(length - left)));
            }
            left -= length;
        }
        return of(kept);
    }

    int size() {
        return starts.length;
    }

    long startNanos(int i) {
        return starts[i];
    }

    long endNanos(int i) {
        return ends[i];
    }

    long totalNanos() {
        return total;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WorkingHours hours && hours.periods.equals(periods);
    }

    @Override
    public int hashCode() {
        return periods.hashCode();
    }

    @Override
    public String toString() {
        return periods.isEmpty() ? "off" : periods.stream().map(WorkingPeriod::toString)
                .collect(Collectors.joining(","));
    }
}
