package io.otklik.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.LongSupplier;

import io.otklik.sla.BusinessCalendar;
import io.otklik.sla.BusinessCalendarId;
import io.otklik.sla.BusinessTime;
import io.otklik.sla.ClockCalculator;
import io.otklik.sla.HolidayCalendar;
import io.otklik.sla.PolicyConditions;
import io.otklik.sla.PolicyTargets;
import io.otklik.sla.SlaPolicy;
import io.otklik.sla.SlaPolicyId;
import io.otklik.sla.TicketSla;
import io.otklik.sla.WeeklyHours;
import io.otklik.ticket.Actor;
import io.otklik.ticket.Channel;
import io.otklik.ticket.Priority;
import io.otklik.ticket.Status;
import io.otklik.ticket.TicketId;
import io.otklik.ticket.TicketTrail;

/**
 * Due-time computation on one thread, with the application's own classes: business time over an office calendar
 * (Moscow, Mon–Fri 09:00–13:00 and 14:00–18:00, the Russian production calendar 2026–2027 with its holidays,
 * transferred working days and shortened days), and whole tickets' clocks from their trails. Prints computations per
 * second: the median of several timed rounds after a warm-up.
 */
public final class DueTimes {

    static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    static final Duration[] TARGETS = {Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(2),
            Duration.ofHours(4), Duration.ofHours(8), Duration.ofHours(40)};
    static final int INPUTS = 1 << 14;

    private DueTimes() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        Path classes = Path.of(System.getProperty("otklik.classes", "target/classes"));
        HolidayCalendar holidays = HolidayCalendar.parse("ru", Files.readString(
                classes.resolve("sla/calendars/ru/2026.txt"))).and(HolidayCalendar.parse("ru", Files.readString(
                classes.resolve("sla/calendars/ru/2027.txt"))));
        BusinessCalendar calendar = BusinessCalendar.of(MOSCOW, WeeklyHours.parse("Mon-Fri 09:00-13:00,14:00-18:00"),
                holidays);
        BusinessTime time = new BusinessTime(calendar);
        System.out.printf(Locale.ROOT, "Due times on %s; %d special dates; java %s; %s; load average %s%n",
                calendar, calendar.specialDays().size(), System.getProperty("java.version"), cpu(), loadAverage());

        Random random = new Random(20261125);
        long from = Instant.parse("2026-01-01T00:00:00Z").getEpochSecond();
        long to = Instant.parse("2027-12-01T00:00:00Z").getEpochSecond();
        Instant[] starts = new Instant[INPUTS];
        Duration[] targets = new Duration[INPUTS];
        for (int i = 0; i < INPUTS; i++) {
            starts[i] = Instant.ofEpochSecond(from + (long) ((to - from) * random.nextDouble()));
            targets[i] = TARGETS[random.nextInt(TARGETS.length)];
        }
        measure("BusinessTime.plus (one due time)", rounds, new LongSupplier() {
            int i;

            @Override
            public long getAsLong() {
                int at = i++ & (INPUTS - 1);
                return time.plus(starts[at], targets[at]).getEpochSecond();
            }
        });

        SlaPolicy policy = standardPolicy();
        ClockCalculator calculator = new ClockCalculator(subject -> policy, id -> time);
        TicketTrail[] trails = new TicketTrail[INPUTS];
        for (int i = 0; i < INPUTS; i++) {
            trails[i] = trail(i, starts[i], random);
        }
        Instant now = Instant.parse("2027-12-31T00:00:00Z");
        long[] facts = {0};
        for (TicketTrail trail : trails) {
            facts[0] += trail.facts().size();
        }
        measure(String.format(Locale.ROOT, "ClockCalculator.compute (a ticket's clocks, %.1f facts on average)",
                facts[0] / (double) INPUTS), rounds, new LongSupplier() {
            int i;

            @Override
            public long getAsLong() {
                TicketSla sla = calculator.compute(trails[i++ & (INPUTS - 1)], now);
                return sla.clocks().size();
            }
        });
    }

    /** Runs the work for 3 s to warm up, then {@code rounds} rounds of 2 s; prints the median rate and the spread. */
    static void measure(String what, int rounds, LongSupplier work) {
        long sink = 0;
        long warmUntil = System.nanoTime() + 3_000_000_000L;
        while (System.nanoTime() < warmUntil) {
            for (int i = 0; i < 1000; i++) {
                sink += work.getAsLong();
            }
        }
        List<Double> rates = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            long count = 0;
            long started = System.nanoTime();
            long until = started + 2_000_000_000L;
            long now;
            do {
                for (int i = 0; i < 1000; i++) {
                    sink += work.getAsLong();
                }
                count += 1000;
                now = System.nanoTime();
            } while (now < until);
            rates.add(count / ((now - started) / 1e9));
        }
        Collections.sort(rates);
        System.out.printf(Locale.ROOT, "  %-70s %,12.0f /s  (rounds: %,.0f – %,.0f)  [%d]%n", what,
                rates.get(rates.size() / 2), rates.getFirst(), rates.getLast(), sink & 1);
    }

    /** The product's standard targets (first response and resolution per priority), paused while waiting. */
    static SlaPolicy standardPolicy() {
        Map<Priority, PolicyTargets> targets = new EnumMap<>(Priority.class);
        targets.put(Priority.CRITICAL, new PolicyTargets(Duration.ofMinutes(30), Duration.ofMinutes(30), null,
                Duration.ofMinutes(120)));
        targets.put(Priority.HIGH, new PolicyTargets(Duration.ofMinutes(60), Duration.ofMinutes(60), null,
                Duration.ofMinutes(240)));
        targets.put(Priority.MEDIUM, new PolicyTargets(Duration.ofMinutes(240), Duration.ofMinutes(240),
                Duration.ofHours(24), Duration.ofMinutes(480)));
        targets.put(Priority.LOW, new PolicyTargets(Duration.ofMinutes(480), Duration.ofMinutes(480), null,
                Duration.ofMinutes(2400)));
        return new SlaPolicy(new SlaPolicyId(1), "Standard", true, PolicyConditions.ANY, new BusinessCalendarId(1),
                targets, Set.of(Status.PENDING, Status.ON_HOLD), Duration.ofHours(24));
    }

    /**
     * A ticket's trail from {@code opened}: one of four shapes — just opened; answered; answered, waiting for the
     * customer, replied, answered again and solved; or opened, priority raised, answered, put on hold and reopened.
     */
    static TicketTrail trail(int index, Instant opened, Random random) {
        Priority priority = Priority.values()[random.nextInt(4)];
        List<TicketTrail.Fact> facts = new ArrayList<>();
        Instant at = opened;
        long message = index * 10L;
        switch (index % 4) {
            case 0 -> {
            }
            case 1 -> facts.add(new TicketTrail.PublicMessage(at = later(at, random), ++message, Actor.Type.AGENT));
            case 2 -> {
                facts.add(new TicketTrail.StatusChange(at = later(at, random), Status.NEW, Status.OPEN));
                facts.add(new TicketTrail.PublicMessage(at, ++message, Actor.Type.AGENT));
                facts.add(new TicketTrail.StatusChange(at, Status.OPEN, Status.PENDING));
                facts.add(new TicketTrail.PublicMessage(at = later(at, random), ++message, Actor.Type.CUSTOMER));
                facts.add(new TicketTrail.StatusChange(at, Status.PENDING, Status.OPEN));
                facts.add(new TicketTrail.PublicMessage(at = later(at, random), ++message, Actor.Type.AGENT));
                facts.add(new TicketTrail.StatusChange(at = later(at, random), Status.OPEN, Status.SOLVED));
            }
            default -> {
                Priority raised = priority == Priority.CRITICAL ? Priority.CRITICAL
                        : Priority.values()[priority.ordinal() - 1];
                facts.add(new TicketTrail.PriorityChange(at = later(at, random), priority, raised));
                facts.add(new TicketTrail.StatusChange(at = later(at, random), Status.NEW, Status.OPEN));
                facts.add(new TicketTrail.PublicMessage(at, ++message, Actor.Type.AGENT));
                facts.add(new TicketTrail.StatusChange(at = later(at, random), Status.OPEN, Status.ON_HOLD));
                facts.add(new TicketTrail.StatusChange(at = later(at, random), Status.ON_HOLD, Status.OPEN));
            }
        }
        // the values it was opened with; the facts tell the rest
        return new TicketTrail(new TicketId(index), opened, Channel.EMAIL, null, Set.of(), Status.NEW, priority, null,
                null, facts);
    }

    private static Instant later(Instant at, Random random) {
        return at.plusSeconds(60 + random.nextInt(3 * 24 * 3600));
    }

    static String cpu() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("cpu unknown")
                    + ", " + Runtime.getRuntime().availableProcessors() + " cores";
        } catch (Exception e) {
            return "cpu unknown";
        }
    }

    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (Exception e) {
            return "unknown";
        }
    }
}
