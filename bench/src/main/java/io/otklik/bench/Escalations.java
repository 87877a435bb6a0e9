package io.otklik.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Service-level escalations at scale, against the application running on a database of many open tickets with clocks
 * ({@code Generate --unsolved 100}, then {@code Generate --sla-clocks}). Measures what the scanner's query costs with
 * nothing due and with a backlog due (client-side timings and the plan), what the application's scan rounds take
 * (its own timers, read from {@code /actuator/prometheus}), and — for a wave of breaches re-timed to fall due while
 * it watches — how long after its due time each breach was acted on.
 */
public final class Escalations {

    private static final Set<String> OPTIONS = Set.of("url", "user", "password", "base-url", "clocks", "lead",
            "window", "idle", "runs", "help");

    /** The application's statement (SlaEscalations.due), batch of 500. */
    static final String SCAN = "select ticket_id, target, rounds, policy_id, calendar_id, target_minutes, "
            + "used_seconds, running_since, due_at from sla_clock where state = 'RUNNING' and next_check_at <= ? "
            + "order by next_check_at limit 500";
    static final String LOCKING = " for update skip locked";
    static final String WAVE = "bench_escalation_wave";

    private Escalations() {
    }

    public static void main(String[] argv) throws Exception {
        Args.guard(() -> run(argv));
    }

    private static void run(String[] argv) throws Exception {
        Args args = Args.parse(argv, OPTIONS);
        if (args.has("help")) {
            usage();
            return;
        }
        Database database = new Database(args.get("url", "jdbc:postgresql://127.0.0.1:5432/otklik_bench"),
                args.get("user", "postgres"), args.get("password", ""));
        URI base = Http.localBase(args.get("base-url", "http://127.0.0.1:8080"));
        int clocks = args.getInt("clocks", 6_000);
        int lead = args.getInt("lead", 60);
        int window = args.getInt("window", 300);
        int idle = args.getInt("idle", 30);
        int runs = args.getInt("runs", 20);
        HttpClient http = Http.client(null);

        Map<String, Double> start = metrics(http, base);
        if (!start.containsKey("otklik_sla_escalations_scan_seconds_count")) {
            throw new IllegalStateException(base + "/actuator/prometheus shows no otklik_sla_escalations_scan "
                    + "timer: is the application (with escalations) running there, with escalations on?");
        }
        try (Connection connection = database.connect()) {
            System.out.printf(Locale.ROOT, "Escalations on %s, application %s; load average %s%n", database.url,
                    base, loadAverage());
            System.out.printf(Locale.ROOT, "  open tickets %,d; running clocks %,d (%,d with a rule still to fire);"
                            + " rules fired so far %,d%n",
                    Database.single(connection, "select count(*) from ticket where status in ('NEW', 'OPEN', "
                            + "'PENDING', 'ON_HOLD')"),
                    Database.single(connection, "select count(*) from sla_clock where state = 'RUNNING'"),
                    Database.single(connection, "select count(*) from sla_clock where state = 'RUNNING' "
                            + "and next_check_at is not null"),
                    Database.single(connection, "select count(*) from sla_escalation_fired"));

            System.out.println();
            System.out.println("The scanner's query, nothing due (the application keeps up):");
            queryCost(connection, new Timestamp(System.currentTimeMillis()), runs, true);

            System.out.printf(Locale.ROOT, "%nThe application's scan rounds over %d s with nothing due:%n", idle);
            Map<String, Double> before = metrics(http, base);
            Thread.sleep(idle * 1000L);
            rounds(before, metrics(http, base));

            long t0 = System.currentTimeMillis() + lead * 1000L;
            t0 -= t0 % 1000;
            int wave = prepare(connection, clocks, t0, window);
            long expected = Database.single(connection, "select count(*) from " + WAVE + " w join sla_clock c on "
                    + "c.ticket_id = w.ticket_id and c.target = w.target join sla_escalation_rule r on r.policy_id = "
                    + "c.policy_id and r.target = c.target and r.enabled and r.at_percent = 100");
            System.out.printf(Locale.ROOT, "%nA wave of %,d running clocks re-timed to fall due over %d s from %s "
                    + "(%d s from now): %,d breach rules to fire%n", wave, window, new Timestamp(t0), lead, expected);
            System.out.println("The scanner's query with the whole wave due (a backlog; plain select, no locks):");
            queryCost(connection, new Timestamp(t0 + window * 1000L), runs, false);

            System.out.println();
            Map<String, Double> waveStart = metrics(http, base);
            String loadBefore = loadAverage();
            watch(connection, expected, t0, window);
            Map<String, Double> waveEnd = metrics(http, base);
            System.out.println();
            delays(connection);
            System.out.println("The application's scan rounds during the wave:");
            rounds(waveStart, waveEnd);
            System.out.printf(Locale.ROOT, "Load average before the wave %s, after %s%n", loadBefore, loadAverage());
        } finally {
            try (Connection connection = database.connect(); Statement s = connection.createStatement()) {
                s.execute("drop table if exists " + WAVE);
            }
        }
    }

    /** Times the scanner's statement as the application sends it (in a transaction rolled back), and its plan. */
    private static void queryCost(Connection connection, Timestamp now, int runs, boolean locking)
            throws SQLException {
        String sql = SCAN + (locking ? LOCKING : "");
        List<Double> millis = new ArrayList<>();
        int found = 0;
        connection.setAutoCommit(false);
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < runs + 3; i++) {
                statement.setTimestamp(1, now);
                long started = System.nanoTime();
                int rows = 0;
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        rows++;
                    }
                }
                double took = (System.nanoTime() - started) / 1e6;
                connection.rollback();
                if (i >= 3) {
                    millis.add(took);
                    found = rows;
                }
            }
            List<String> plan = new ArrayList<>();
            try (PreparedStatement explain = connection.prepareStatement("explain (analyze, buffers) " + sql)) {
                explain.setTimestamp(1, now);
                try (ResultSet rs = explain.executeQuery()) {
                    while (rs.next()) {
                        plan.add(rs.getString(1));
                    }
                }
            }
            connection.rollback();
            Collections.sort(millis);
            System.out.printf(Locale.ROOT, "  %d rows; client-side over %d runs: median %.2f ms, max %.2f ms%n",
                    found, runs, millis.get(millis.size() / 2), millis.getLast());
            plan.forEach(line -> System.out.println("    " + line));
        } finally {
            connection.setAutoCommit(true);
        }
    }

    /**
     * Picks running clocks that are not due for a long while, spread over the table, and re-times them to fall due
     * evenly over the window from {@code t0}: running since their target before that, nothing used before, the
     * warnings before the breach counted as fired, the breach rule left to fire.
     */
    private static int prepare(Connection connection, int clocks, long t0, int window) throws SQLException {
        try (Statement s = connection.createStatement()) {
            connection.setAutoCommit(false);
            s.execute("drop table if exists " + WAVE);
            s.execute("create table " + WAVE + " (ticket_id bigint, target varchar(20), i integer, "
                    + "primary key (ticket_id, target))");
            try (PreparedStatement pick = connection.prepareStatement("insert into " + WAVE + " select ticket_id, "
                    + "target, (row_number() over ())::int - 1 from (select ticket_id, target from sla_clock where "
                    + "state = 'RUNNING' and next_check_at > ? order by md5(ticket_id::text || target) limit ?) p")) {
                pick.setTimestamp(1, new Timestamp(t0 + (window + 3600L) * 1000));
                pick.setInt(2, clocks);
                pick.executeUpdate();
            }
            int picked = (int) Database.single(connection, "select count(*) from " + WAVE);
            try (PreparedStatement retime = connection.prepareStatement("""
                    update sla_clock c set due_at = x.due, next_check_at = x.due, used_seconds = 0, breached = false,
                           running_since = x.due - make_interval(mins => c.target_minutes)
                    from (select ticket_id, target, ?::timestamptz + make_interval(secs => i * ?::double precision)
                          as due from bench_escalation_wave) x
                    where c.ticket_id = x.ticket_id and c.target = x.target""")) {
                retime.setTimestamp(1, new Timestamp(t0));
                retime.setDouble(2, window / (double) Math.max(1, picked));
                retime.executeUpdate();
            }
            s.executeUpdate("delete from sla_escalation_fired f using " + WAVE + " w where f.ticket_id = "
                    + "w.ticket_id and f.target = w.target");
            s.executeUpdate("insert into sla_escalation_fired (ticket_id, target, clock_round, rule_id, fired_at, "
                    + "due_at, at_percent, action, outcome) select c.ticket_id, c.target, c.rounds, r.id, "
                    + "c.running_since, c.due_at, r.at_percent, r.action, 'NOTIFIED' from " + WAVE + " w join "
                    + "sla_clock c on c.ticket_id = w.ticket_id and c.target = w.target join sla_escalation_rule r "
                    + "on r.policy_id = c.policy_id and r.target = c.target and r.enabled and r.at_percent < 100");
            connection.commit();
            s.execute("analyze " + WAVE);
            return picked;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    /** Waits until every breach rule of the wave fired, or two minutes past its end; a line per few seconds. */
    private static void watch(Connection connection, long expected, long t0, int window) throws Exception {
        long deadline = t0 + (window + 120) * 1000L;
        Progress progress = new Progress("breaches acted on", expected);
        long fired = 0;
        while (fired < expected && System.currentTimeMillis() < deadline) {
            Thread.sleep(1000);
            try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("select count(*), "
                    + "coalesce(max(extract(epoch from f.fired_at - f.due_at)), 0) from " + WAVE + " w join "
                    + "sla_escalation_fired f on f.ticket_id = w.ticket_id and f.target = w.target and "
                    + "f.at_percent = 100")) {
                rs.next();
                fired = rs.getLong(1);
                long due = Math.max(0, Math.min(expected, (long) ((System.currentTimeMillis() - t0)
                        / (window * 1000.0) * expected)));
                progress.show(fired, String.format(Locale.ROOT, "%,d of %,d fired (about %,d due so far), "
                        + "longest delay %.1f s", fired, expected, due, rs.getDouble(2)), false);
            }
        }
        progress.show(fired, String.format(Locale.ROOT, "%,d of %,d fired", fired, expected), true);
        System.out.println();
    }

    private static void delays(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("""
                select count(*),
                       percentile_cont(0.5) within group (order by d), percentile_cont(0.95) within group (order by d),
                       percentile_cont(0.99) within group (order by d), max(d),
                       count(*) filter (where d <= 60)
                from (select extract(epoch from f.fired_at - f.due_at) d from bench_escalation_wave w
                      join sla_escalation_fired f on f.ticket_id = w.ticket_id and f.target = w.target
                      and f.at_percent = 100) x""")) {
            rs.next();
            long count = rs.getLong(1);
            System.out.printf(Locale.ROOT, "Breaches acted on: %,d; delay after the due time p50 %.2f s, p95 %.2f s, "
                    + "p99 %.2f s, max %.2f s; within 60 s: %,d (%.1f%%)%n", count, rs.getDouble(2), rs.getDouble(3),
                    rs.getDouble(4), rs.getDouble(5), rs.getLong(6), count == 0 ? 0 : 100.0 * rs.getLong(6) / count);
        }
    }

    /** The application's scan rounds between two readings of its metrics. */
    private static void rounds(Map<String, Double> before, Map<String, Double> after) {
        double rounds = delta(before, after, "otklik_sla_escalations_scan_seconds_count");
        double seconds = delta(before, after, "otklik_sla_escalations_scan_seconds_sum");
        double selects = delta(before, after, "otklik_sla_escalations_select_seconds_count");
        double selectSeconds = delta(before, after, "otklik_sla_escalations_select_seconds_sum");
        System.out.printf(Locale.ROOT, "  %.0f rounds, %.2f ms each on average (longest of the last minutes %.1f ms); "
                        + "%.0f batch queries, %.2f ms each; %.0f rules fired%n", rounds,
                rounds == 0 ? 0 : seconds / rounds * 1000, after.getOrDefault("otklik_sla_escalations_scan_seconds_max",
                        0.0) * 1000, selects, selects == 0 ? 0 : selectSeconds / selects * 1000,
                delta(before, after, "otklik_sla_escalations_fired_total"));
    }

    private static double delta(Map<String, Double> before, Map<String, Double> after, String name) {
        return after.getOrDefault(name, 0.0) - before.getOrDefault(name, 0.0);
    }

    /** The application's metrics, by name without labels (each of ours has one series). */
    static Map<String, Double> metrics(HttpClient http, URI base) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve("/actuator/prometheus"))
                .timeout(Http.REQUEST_TIMEOUT).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + base + "/actuator/prometheus answered " + response.statusCode());
        }
        return parse(response.body());
    }

    static Map<String, Double> parse(String text) {
        Map<String, Double> values = new HashMap<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#") || !line.startsWith("otklik_sla_escalations")) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            String series = line.substring(0, space);
            int brace = series.indexOf('{');
            String name = brace < 0 ? series : series.substring(0, brace);
            values.merge(name, Double.parseDouble(line.substring(space + 1)), Double::sum);
        }
        return values;
    }

    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (Exception e) {
            return "unknown";
        }
    }

    private static void usage() {
        System.out.println("""
                Usage: bench/run.sh Escalations [options]   (the application running on the database)
                  --url JDBC_URL     the application's database (default jdbc:postgresql://127.0.0.1:5432/otklik_bench)
                  --user NAME        database user (default postgres)
                  --password TEXT    database password (default empty)
                  --base-url URL     the application (default http://127.0.0.1:8080; this machine only)
                  --clocks N         running clocks re-timed to fall due during the run (default 6000)
                  --lead S           seconds from now until the first of them is due (default 60)
                  --window S         seconds over which they fall due, evenly (default 300)
                  --idle S           seconds of watching the scan rounds with nothing due (default 30)
                  --runs N           timed runs of the scanner's query per case (default 20)""");
    }
}
