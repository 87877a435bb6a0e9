package io.otklik.sla;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Counts working time over a {@link BusinessCalendar}: when a given amount of it will have passed, and how much
 * of it lies between two instants. Pure and thread-safe.
 *
 * <p>Working time is real elapsed time inside the calendar's working periods. A period's bounds are wall-clock
 * times in the calendar's zone, so on the day clocks change a period spanning the change is an hour shorter or
 * longer; a bound that falls into the skipped hour is the moment the clocks jump, and a period reaching into the
 * repeated hour covers both passes of it.
 *
 * <p>Ordinary stretches (no special date, no clock change) are skipped a whole week at a time, so long targets
 * and spans of years cost little more than short ones.
 */
public final class BusinessTime {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final long SECONDS_PER_DAY = 86_400L;
    private static final long NANOS_PER_DAY = WorkingPeriod.NANOS_PER_DAY;
    /** No offset holds all day: the clocks change on it, or it lies outside the table. */
    private static final int NO_OFFSET = Integer.MIN_VALUE;

    private final BusinessCalendar calendar;
    private final ZoneRules rules;
    private final ZoneOffset fixedOffset;
    /**
     * The zone's clock changes from 1900 to 2200 as plain numbers, so that finding an offset is a search in an array
     * rather than in the zone rules: the epoch second of each change, the offset after it, and the first and last local
     * date it touches. Dates between changes have one offset all day; dates a change touches, and times outside the
     * table, go to the zone rules.
     */
    private final long[] changeSeconds;
    private final int[] offsetsAfter;
    private final long[] changeFirstDays;
    private final long[] changeLastDays;
    private final int offsetBefore;
    private final long tableFromSecond;
    private final long tableToSecond;

    private final long weekNanos;
    private final long[] specialDays;

    public BusinessTime(BusinessCalendar calendar) {
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        this.rules = calendar.zone().getRules();
        this.fixedOffset = rules.isFixedOffset() ? rules.getOffset(Instant.EPOCH) : null;
        long from = LocalDate.of(1900, 1, 1).toEpochDay() * SECONDS_PER_DAY;
        long to = LocalDate.of(2200, 1, 1).toEpochDay() * SECONDS_PER_DAY;
        List<ZoneOffsetTransition> changes = new java.util.ArrayList<>();
        if (fixedOffset == null) {
            ZoneOffsetTransition change = rules.nextTransition(Instant.ofEpochSecond(from));
            while (change != null && change.getInstant().getEpochSecond() < to) {
                changes.add(change);
                change = rules.nextTransition(change.getInstant());
            }
        }
        this.changeSeconds = new long[changes.size()];
        this.offsetsAfter = new int[changes.size()];
        this.changeFirstDays = new long[changes.size()];
        this.changeLastDays = new long[changes.size()];
        for (int i = 0; i < changes.size(); i++) {
            ZoneOffsetTransition change = changes.get(i);
            changeSeconds[i] = change.getInstant().getEpochSecond();
            offsetsAfter[i] = change.getOffsetAfter().getTotalSeconds();
            long before = change.getDateTimeBefore().toLocalDate().toEpochDay();
            long after = change.getDateTimeAfter().toLocalDate().toEpochDay();
            changeFirstDays[i] = Math.min(before, after);
            changeLastDays[i] = Math.max(before, after);
        }
        this.offsetBefore = rules.getOffset(Instant.ofEpochSecond(from)).getTotalSeconds();
        // a day's margin at both ends: local dates there may lie on either side of the bounds
        this.tableFromSecond = from + SECONDS_PER_DAY;
        this.tableToSecond = to - SECONDS_PER_DAY;
        this.weekNanos = calendar.week().total().toNanos();
        this.specialDays = calendar.specialEpochDays();
    }

    public BusinessCalendar calendar() {
        return calendar;
    }

    /**
     * The instant at which {@code workingTime} of working time has passed since {@code start}. Zero gives
     * {@code start}; a target that runs out exactly at the end of a working period gives that end (18:00 on
     * Friday, not 09:00 on Monday).
     *
     * @throws IllegalArgumentException when {@code workingTime} is negative
     * @throws ArithmeticException when {@code workingTime} exceeds about 292 years
     */
    public Instant plus(Instant start, Duration workingTime) {
        Objects.requireNonNull(start, "start");
        if (workingTime.isNegative()) {
            throw new IllegalArgumentException("Working time to add must not be negative: " + workingTime);
        }
        long remaining = workingTime.toNanos();
        if (remaining == 0) {
            return start;
        }
        long origin = start.getEpochSecond();
        long from = start.getNano();
        long day = localEpochDay(start);
        WorkingHours hours = calendar.hoursOn(day);
        for (int i = 0; i < hours.size(); i++) {
            long periodEnd = at(day, hours.endNanos(i), true, origin);
            if (periodEnd <= from) {
                continue;
            }
            long periodStart = Math.max(at(day, hours.startNanos(i), false, origin), from);
            long available = periodEnd - periodStart;
            if (remaining <= available) {
                return instant(origin, periodStart + remaining);
            }
            remaining -= available;
        }
        Days days = new Days(++day);
        while (true) {
            if (remaining > weekNanos) {
                long irregular = days.nextIrregular(day);
                long regularDays = irregular == Long.MAX_VALUE ? Long.MAX_VALUE : irregular - day;
                long weeks = Math.min(regularDays / 7, (remaining - 1) / weekNanos);
                if (weeks > 0) {
                    day += weeks * 7;
                    remaining -= weeks * weekNanos;
                }
            }
            hours = days.hours(day);
            long total = days.clocksChangeOn(day) ? realTotal(day, hours, origin) : hours.totalNanos();
            if (remaining > total) {
                remaining -= total;
                day++;
                continue;
            }
            for (int i = 0; i < hours.size(); i++) {
                long periodStart = at(day, hours.startNanos(i), false, origin);
                long available = at(day, hours.endNanos(i), true, origin) - periodStart;
                if (remaining <= available) {
                    return instant(origin, periodStart + remaining);
                }
                remaining -= available;
            }
            throw new IllegalStateException("Working time of " + LocalDate.ofEpochDay(day) + " miscounted");
        }
    }

    /**
     * The working time between two instants; negative when {@code to} is before {@code from}.
     *
     * @throws ArithmeticException when the instants are more than about 292 years apart
     */
    public Duration between(Instant from, Instant to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            return between(to, from).negated();
        }
        long origin = from.getEpochSecond();
        long lo = from.getNano();
        long hi = Math.addExact(Math.multiplyExact(to.getEpochSecond() - origin, NANOS_PER_SECOND), to.getNano());
        long firstDay = localEpochDay(from);
        long lastDay = localEpochDay(to);
        long total = overlap(firstDay, calendar.hoursOn(firstDay), lo, hi, origin);
        if (firstDay == lastDay) {
            return Duration.ofNanos(total);
        }
        Days days = new Days(firstDay + 1);
        long day = firstDay + 1;
        while (day < lastDay) {
            long weeks = (Math.min(days.nextIrregular(day), lastDay) - day) / 7;
            if (weeks > 0) {
                total += weeks * weekNanos;
                day += weeks * 7;
                continue;
            }
            WorkingHours hours = days.hours(day);
            total += days.clocksChangeOn(day) ? realTotal(day, hours, origin) : hours.totalNanos();
            day++;
        }
        total += overlap(lastDay, calendar.hoursOn(lastDay), lo, hi, origin);
        return Duration.ofNanos(total);
    }

    private long overlap(long day, WorkingHours hours, long lo, long hi, long origin) {
        long sum = 0;
        for (int i = 0; i < hours.size(); i++) {
            long start = Math.max(at(day, hours.startNanos(i), false, origin), lo);
            long end = Math.min(at(day, hours.endNanos(i), true, origin), hi);
            if (end > start) {
                sum += end - start;
            }
        }
        return sum;
    }

    /** Working time of a day measured in real time (differs from the wall clock's on the day clocks change). */
    private long realTotal(long day, WorkingHours hours, long origin) {
        long sum = 0;
        for (int i = 0; i < hours.size(); i++) {
            sum += at(day, hours.endNanos(i), true, origin) - at(day, hours.startNanos(i), false, origin);
        }
        return sum;
    }

    private long localEpochDay(Instant instant) {
        int offset = fixedOffset != null ? fixedOffset.getTotalSeconds() : offsetAt(instant);
        return Math.floorDiv(instant.getEpochSecond() + offset, SECONDS_PER_DAY);
    }

    /**
     * The instant a wall-clock time of a date happens, in nanoseconds after {@code origin} (epoch seconds). A time
     * in a gap happens when the clocks jump; a time in an overlap at its first pass when it starts a period, at its
     * second when it ends one.
     */
    private long at(long day, long nanoOfDay, boolean end, long origin) {
        if (nanoOfDay == NANOS_PER_DAY) {
            return at(day + 1, 0, false, origin);
        }
        long localSecond = day * SECONDS_PER_DAY + nanoOfDay / NANOS_PER_SECOND;
        long nano = nanoOfDay % NANOS_PER_SECOND;
        int offset = fixedOffset != null ? fixedOffset.getTotalSeconds() : offsetAllDay(day);
        if (offset == NO_OFFSET) {
            LocalDateTime local = LocalDateTime.ofEpochSecond(localSecond, (int) nano, ZoneOffset.UTC);
            List<ZoneOffset> valid = rules.getValidOffsets(local);
            if (valid.size() == 1) {
                offset = valid.getFirst().getTotalSeconds();
            } else {
                ZoneOffsetTransition transition = rules.getTransition(local);
                if (transition.isGap()) {
                    return (transition.getInstant().getEpochSecond() - origin) * NANOS_PER_SECOND;
                }
                offset = (end ? transition.getOffsetAfter() : transition.getOffsetBefore()).getTotalSeconds();
            }
        }
        return (localSecond - offset - origin) * NANOS_PER_SECOND + nano;
    }

    private int offsetAt(Instant instant) {
        long second = instant.getEpochSecond();
        if (second < tableFromSecond || second >= tableToSecond) {
            return rules.getOffset(instant).getTotalSeconds();
        }
        int found = Arrays.binarySearch(changeSeconds, second);
        int changesSoFar = found >= 0 ? found + 1 : -found - 1;
        return changesSoFar == 0 ? offsetBefore : offsetsAfter[changesSoFar - 1];
    }

    /** The offset of a local date on which the clocks do not change, or {@link #NO_OFFSET}. */
    private int offsetAllDay(long day) {
        long second = day * SECONDS_PER_DAY;
        if (second < tableFromSecond || second >= tableToSecond) {
            return NO_OFFSET;
        }
        int found = Arrays.binarySearch(changeLastDays, day);
        if (found >= 0) {
            return NO_OFFSET;
        }
        int next = -found - 1;
        if (next < changeFirstDays.length && changeFirstDays[next] <= day) {
            return NO_OFFSET;
        }
        return next == 0 ? offsetBefore : offsetsAfter[next - 1];
    }

    private static Instant instant(long origin, long nanos) {
        return Instant.ofEpochSecond(origin, nanos);
    }

    /** Walks forward over dates, knowing the next special date and the next date the clocks change. */
    private final class Days {

        private int special;
        private ZoneOffsetTransition transition;
        private long transitionDayBefore;
        private long transitionDayAfter;

        Days(long firstDay) {
            int found = Arrays.binarySearch(specialDays, firstDay);
            special = found >= 0 ? found : -found - 1;
            if (fixedOffset == null) {
                transition = rules.nextTransition(Instant.ofEpochSecond((firstDay - 2) * SECONDS_PER_DAY));
                remember();
            }
        }

        WorkingHours hours(long day) {
            while (special < specialDays.length && specialDays[special] < day) {
                special++;
            }
            return special < specialDays.length && specialDays[special] == day ? calendar.specialHours(special)
                    : calendar.weekdayHours(day);
        }

        boolean clocksChangeOn(long day) {
            seekTransition(day);
            return transition != null && (day == transitionDayBefore || day == transitionDayAfter);
        }

        /** The first date from {@code day} on that is special or has a clock change; MAX_VALUE when none. */
        long nextIrregular(long day) {
            hours(day);
            long nextSpecial = special < specialDays.length ? specialDays[special] : Long.MAX_VALUE;
            seekTransition(day);
            long nextChange = transition == null ? Long.MAX_VALUE
                    : Math.min(transitionDayBefore >= day ? transitionDayBefore : Long.MAX_VALUE,
                            transitionDayAfter >= day ? transitionDayAfter : Long.MAX_VALUE);
            return Math.min(nextSpecial, nextChange);
        }

        private void seekTransition(long day) {
            while (transition != null && Math.max(transitionDayBefore, transitionDayAfter) < day) {
                transition = rules.nextTransition(transition.getInstant());
                remember();
            }
        }

        private void remember() {
            if (transition != null) {
                transitionDayBefore = transition.getDateTimeBefore().toLocalDate().toEpochDay();
                transitionDayAfter = transition.getDateTimeAfter().toLocalDate().toEpochDay();
            }
        }
    }
}
