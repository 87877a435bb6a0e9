package io.otklik.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Creates and migrates a PostgreSQL database and fills it with a large, realistic help desk: agents in three support
 * lines, customers in organizations, and tickets with messages, tags and history over the last two years.
 */
public final class Generate {

    private static final Set<String> OPTIONS = Set.of("tickets", "url", "user", "password", "seed", "batch",
            "builders", "writers", "migrations", "drop", "migrate-only", "unsolved", "sla-clocks", "past-days", "future-days", "help");
    private static final List<String> BULK_TABLES = List.of("ticket", "ticket_tag", "ticket_message",
            "ticket_history");
    private static final List<String> ALL_TABLES = List.of("user_account", "team", "agent", "agent_team",
            "ticket_category", "organization", "customer", "customer_contact", "ticket", "ticket_tag", "ticket_message",
            "ticket_history");

    /** Flyway logs every step through java.util.logging; our phase summary says what matters. Held so it stays set. */
    private static final Logger QUIET_FLYWAY = Logger.getLogger("org.flywaydb");

    private final Map<String, Long> phases = new LinkedHashMap<>();
    private long phaseStart = System.nanoTime();

    private Generate() {
    }

    public static void main(String[] argv) throws Exception {
        Args.guard(() -> run(argv));
    }

    private static void run(String[] argv) throws Exception {
        QUIET_FLYWAY.setLevel(Level.WARNING);
        Args args = Args.parse(argv, OPTIONS);
        if (args.has("help")) {
            usage();
            return;
        }
        new Generate().generate(args);
    }

    private void generate(Args args) throws Exception {
        long started = System.nanoTime();
        long tickets = args.getLong("tickets", 10_000);
        long seed = args.getLong("seed", 20_261_123);
        int cores = Runtime.getRuntime().availableProcessors();
        int batch = args.getInt("batch", 2_000);
        int builders = args.getInt("builders", Math.max(1, cores / 2));
        int writers = args.getInt("writers", Math.max(1, cores));
        int unsolved = args.getInt("unsolved", TicketFactory.DEFAULT_UNSOLVED_PERCENT);
        Database database = new Database(args.get("url", "jdbc:postgresql://127.0.0.1:5432/otklik_bench"),
                args.get("user", "postgres"), args.get("password", ""));
        Path migrations = migrations(args.get("migrations", null));
        // Whole minutes: the data ends "now", and a rerun in the same minute with the same seed gives the same rows.
        long now = System.currentTimeMillis() / 60_000 * 60_000;

        if (args.has("migrate-only")) {
            database.create(false);
            System.out.printf(Locale.ROOT, "%s: %d migrations applied from %s%n", database.name,
                    database.migrate(migrations), migrations.toAbsolutePath().normalize());
            return;
        }
        if (args.has("sla-clocks")) {
            slaClocks(database, new SlaClocks(now, seed, args.getDouble("past-days", 14),
                    args.getDouble("future-days", 30)), started);
            return;
        }
        System.out.printf(Locale.ROOT, "Generating %,d tickets into %s (seed %d, batch %,d, %d builder + %d writer "
                + "threads)%n", tickets, database.url, seed, batch, builders, writers);
        database.create(args.has("drop"));
        int applied = database.migrate(migrations);
        phase("create and migrate (" + applied + " migrations)");

        SecondaryIndexes indexes = new SecondaryIndexes();
        long rows;
        BulkLoader loader;
        try (Connection connection = database.connect()) {
            long existing = database.count(connection, "ticket");
            if (existing > 0) {
                throw new IllegalStateException(database.name + " already holds " + existing
                        + " tickets; pass --drop to start from an empty database");
            }
            People people = new People(tickets, seed, now);
            rows = reference(connection, people);
            phase("people, teams, organizations, customers");

            indexes.drop(connection, BULK_TABLES);
            loader = new BulkLoader(database, new TicketFactory(people, now, seed, unsolved), batch, builders, writers);
            try {
                rows += loader.load(tickets, new Progress("tickets", tickets));
                phase("tickets, messages, tags, history");
            } finally {
                int dropped = indexes.size();
                indexes.recreate(database, 2);
                phase("rebuild " + dropped + " indexes");
            }
            List<String> sequences = database.advanceSequences(connection);
            phase("advance " + sequences.size() + " sequences");
            try (Statement s = connection.createStatement()) {
                // VACUUM as well as ANALYZE: it sets the visibility map and hint bits once, so later measurements
                // do not pay for them, and autovacuum has nothing left to do in the middle of a benchmark.
                s.execute("vacuum (analyze)");
            }
            phase("vacuum and analyze");
            summary(database, connection, started, rows, tickets, loader.foreignKeyChecksSkipped());
        }
    }

    /** Clocks for the unsolved tickets of a database made before, on the policy the application made there. */
    private static void slaClocks(Database database, SlaClocks clocks, long started) throws Exception {
        try (Connection connection = database.connect()) {
            SlaClocks.Policy policy = SlaClocks.defaultPolicy(connection);
            long unsolved = Database.single(connection, "select count(*) from ticket t where t.status in ('NEW', "
                    + "'OPEN', 'PENDING', 'ON_HOLD') and not exists (select 1 from sla_ticket s where s.ticket_id = t.id)");
            System.out.printf(Locale.ROOT, "Writing service-level clocks of %,d unsolved tickets into %s (%s)%n",
                    unsolved, database.url, SlaClocks.describe(policy));
            SlaClocks.Written written = clocks.write(database, policy, new Progress("tickets", unsolved));
            try (Statement s = connection.createStatement()) {
                s.execute("vacuum (analyze) sla_ticket, sla_clock, sla_escalation_fired");
            }
            System.out.printf(Locale.ROOT, "%,d tickets, %,d clocks (%,d running), %,d rules counted as fired%n",
                    written.tickets(), written.clocks(), written.running(), written.fired());
            System.out.printf(Locale.ROOT, "Running clocks to look at within the next hour: %,d; later: %,d%n",
                    Database.single(connection, "select count(*) from sla_clock where state = 'RUNNING' and "
                            + "next_check_at < now() + interval '1 hour'"),
                    Database.single(connection, "select count(*) from sla_clock where state = 'RUNNING' and "
                            + "next_check_at >= now() + interval '1 hour'"));
            System.out.printf(Locale.ROOT, "Done in %.1f s; database %s is %s%n", (System.nanoTime() - started) / 1e9,
                    database.name, database.size(connection));
        }
    }

    private static long reference(Connection connection, People people) throws Exception {
        connection.setAutoCommit(false);
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        long rows = 0;
        for (People.Load load : people.loads()) {
            BulkLoader.copy(copy, "copy " + load.target() + " from stdin", load.rows());
            rows += load.rows().rows();
        }
        connection.commit();
        connection.setAutoCommit(true);
        return rows;
    }

    private void phase(String name) {
        long nowNanos = System.nanoTime();
        phases.put(name, nowNanos - phaseStart);
        phaseStart = nowNanos;
    }

    private void summary(Database database, Connection connection, long started, long rows, long tickets,
            boolean checksSkipped) throws Exception {
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.println();
        System.out.println("Phases:");
        phases.forEach((name, nanos) -> System.out.printf(Locale.ROOT, "  %-45s %9.1f s%n", name, nanos / 1e9));
        System.out.println("Rows:");
        long total = 0;
        for (String table : ALL_TABLES) {
            long count = database.count(connection, table);
            total += count;
            System.out.printf(Locale.ROOT, "  %-45s %,12d%n", table, count);
        }
        System.out.printf(Locale.ROOT, "  %-45s %,12d%n", "total", total);
        System.out.println("Ticket statuses:");
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(
                "select status, count(*), round(100.0 * count(*) / sum(count(*)) over (), 1) from ticket "
                        + "group by status order by 2 desc")) {
            while (rs.next()) {
                System.out.printf(Locale.ROOT, "  %-45s %,12d  %5.1f%%%n", rs.getString(1), rs.getLong(2),
                        rs.getDouble(3));
            }
        }
        long unassignedOpen = Database.single(connection,
                "select count(*) from ticket where status in ('NEW', 'OPEN') and assignee_id is null");
        System.out.printf(Locale.ROOT, "  %-45s %,12d%n", "unassigned NEW/OPEN", unassignedOpen);
        System.out.printf(Locale.ROOT, "Ticket numbers %d–%d; sign in as %s / %s%n", TicketFactory.FIRST_NUMBER,
                TicketFactory.FIRST_NUMBER + tickets - 1, People.ADMIN_LOGIN, People.PASSWORD);
        if (!checksSkipped) {
            System.out.println("Note: not a superuser, so foreign keys were checked during the load (slower).");
        }
        System.out.printf(Locale.ROOT, "Done in %s (%.1f s): %,d rows written, %,.0f rows/s overall, database %s "
                + "is %s%n", Progress.duration((long) seconds), seconds, rows, rows / seconds, database.name,
                database.size(connection));
    }

    /** The application's migration folder, whether we run from the repository root or from bench/. */
    private static Path migrations(String given) {
        if (given != null) {
            return Path.of(given);
        }
        String relative = "src/main/resources/db/migration";
        List<Path> candidates = new ArrayList<>();
        String root = System.getProperty("otklik.root");
        if (root != null) {
            candidates.add(Path.of(root, relative));
        }
        candidates.add(Path.of(relative));
        candidates.add(Path.of("..", relative));
        return candidates.stream().filter(Files::isDirectory).findFirst().orElse(candidates.getFirst());
    }

    private static void usage() {
        System.out.println("""
                Usage: bench/run.sh Generate [options]
                  --tickets N        tickets to create (default 10000)
                  --url JDBC_URL     target database, created if missing
                                     (default jdbc:postgresql://127.0.0.1:5432/otklik_bench)
                  --user NAME        database user (default postgres)
                  --password TEXT    database password (default empty)
                  --drop             drop and recreate the database first
                  --migrate-only     only create the database if missing and apply new migrations
                  --seed N           random seed; same seed and N give the same data (default 20261123)
                  --batch N          tickets per COPY transaction (default 2000)
                  --builders N       threads building rows (default: cores / 2)
                  --writers N        connections writing rows (default: cores)
                  --migrations DIR   Flyway scripts (default: the repository's src/main/resources/db/migration)
                  --unsolved N       percent of tickets left unsolved (default 30; 100 makes every ticket open)
                  --sla-clocks       instead of tickets: service-level clocks for the unsolved tickets of the
                                     database that have none, on the default policy the application made there
                                     (start it once on the database first)
                  --past-days D      --sla-clocks: running clocks fell due up to D days ago (default 14) ...
                  --future-days D    ... or fall due within D days from now (default 30), evenly spread""");
    }
}
