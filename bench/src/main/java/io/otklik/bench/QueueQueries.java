package io.otklik.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Times the SQL behind the agent queues, as the application sends it (TicketQueries: a page ordered by
 * {@code updated_at desc, id desc} and a count capped at 10,001 rows), with prepared statements and with
 * EXPLAIN (ANALYZE, BUFFERS) plans.
 */
public final class QueueQueries {

    private static final Set<String> OPTIONS = Set.of("url", "user", "password", "agent", "team", "runs", "plans",
            "generic", "help");
    private static final List<Object> UNSOLVED = List.of("NEW", "ON_HOLD", "OPEN", "PENDING");
    private static final String PAGE = "select id, reference, subject, status, priority, category_id, channel, "
            + "requester_id, assignee_id, team_id, created_at, updated_at from ticket t where 1 = 1%s "
            + "order by updated_at desc, id desc limit 25 offset 0";
    private static final String COUNT = "select count(*) from (select 1 from ticket t where 1 = 1%s limit 10001) c";

    private QueueQueries() {
    }

    /** One queue: its name and the where-clause TicketQueries builds for it, with {@code ?} parameters. */
    record Queue(String name, String where, List<Object> params) {
    }

    public static void main(String[] argv) throws Exception {
        Args.guard(() -> run(argv));
    }

    private static void run(String[] argv) throws Exception {
        Args args = Args.parse(argv, OPTIONS);
        if (args.has("help")) {
            System.out.println("""
                    Usage: bench/run.sh QueueQueries [options]
                      --url JDBC_URL   database (default jdbc:postgresql://127.0.0.1:5432/otklik_bench)
                      --user, --password
                      --agent ID       agent for "mine" and the scoped queue (default: most unsolved tickets)
                      --team ID        team for the team queue (default 1)
                      --runs N         timed executions of each query (default 20, after 3 warm-ups; the driver
                                       prepares on the server from the 5th use, as in the app)
                      --plans FILE     also write each query's EXPLAIN (ANALYZE, BUFFERS) plan to FILE
                      --generic        force generic plans: what a statement gets once the driver has prepared it
                                       on the server (from its 5th use) and PostgreSQL stops re-planning it""");
            return;
        }
        Database database = new Database(args.get("url", "jdbc:postgresql://127.0.0.1:5432/otklik_bench"),
                args.get("user", "postgres"), args.get("password", ""));
        int runs = args.getInt("runs", 20);
        boolean generic = args.has("generic");
        try (Connection connection = database.connect()) {
            if (generic) {
                try (Statement s = connection.createStatement()) {
                    s.execute("set plan_cache_mode = force_generic_plan");
                }
                // Server-side prepared from the first use, so the forced generic plan applies to every timed run.
                connection.unwrap(org.postgresql.PGConnection.class).setPrepareThreshold(1);
            }
            long agent = args.has("agent") ? args.getLong("agent", 0) : Database.single(connection,
                    "select assignee_id from ticket where status in ('NEW', 'OPEN', 'PENDING', 'ON_HOLD') "
                            + "and assignee_id is not null group by assignee_id order by count(*) desc limit 1");
            long team = args.getLong("team", 1);
            long scopeTeam = Database.single(connection, "select coalesce(min(team_id), " + team
                    + ") from agent_team where agent_id = " + agent);
            // The cases that hurt a plan tuned for busy queues: someone with nothing open, a team just created.
            long idleAgent = Database.single(connection, "select coalesce(min(a.id), 0) from agent a where not exists "
                    + "(select 1 from ticket t where t.assignee_id = a.id and t.status in ('NEW', 'OPEN', 'PENDING', "
                    + "'ON_HOLD'))");
            long newTeam = Database.single(connection, "select coalesce(max(id), 0) + 1 from team");
            List<Queue> queues = queues(agent, team, scopeTeam);
            queues.add(new Queue("mine, nothing open", " and status in (?, ?, ?, ?) and assignee_id = ?",
                    plus(UNSOLVED, idleAgent)));
            queues.add(new Queue("team, no tickets yet", " and status in (?, ?, ?, ?) and team_id in (?)",
                    plus(UNSOLVED, newTeam)));
            queues.add(new Queue("own-teams scope, all empty",
                    " and status in (?, ?) and (team_id in (?) or assignee_id = ?)",
                    List.of("NEW", "OPEN", newTeam, idleAgent)));
            System.out.printf(Locale.ROOT, "%s: %,d tickets; agent %d, team %d, idle agent %d, new team %d; %s plans; "
                    + "%d runs per query (median / max ms)%n%n", database.name, Database.single(connection,
                    "select count(*) from ticket"), agent, team, idleAgent, newTeam,
                    generic ? "forced generic" : "default (as the app gets them)", runs);
            System.out.printf(Locale.ROOT, "%-28s %8s  %17s  %17s  %s%n", "queue", "count", "page ms", "count ms",
                    "page plan");
            StringBuilder plans = new StringBuilder();
            for (Queue queue : queues) {
                String pageSql = PAGE.formatted(queue.where());
                String countSql = COUNT.formatted(queue.where());
                long matched = count(connection, countSql, queue.params());
                double[] page = time(connection, pageSql, queue.params(), runs);
                double[] count = time(connection, countSql, queue.params(), runs);
                List<String> pagePlan = explain(connection, pageSql, queue.params(), generic);
                List<String> countPlan = explain(connection, countSql, queue.params(), generic);
                System.out.printf(Locale.ROOT, "%-28s %8s  %7.2f / %7.2f  %7.2f / %7.2f  %s%n", queue.name(),
                        matched > 10_000 ? ">10000" : String.valueOf(matched), page[0], page[1], count[0], count[1],
                        shape(pagePlan));
                plans.append("== ").append(queue.name()).append(" — page\n").append(literal(pageSql, queue.params()))
                        .append("\n\n").append(String.join("\n", pagePlan)).append("\n\n== ").append(queue.name())
                        .append(" — count\n").append(literal(countSql, queue.params())).append("\n\n")
                        .append(String.join("\n", countPlan)).append("\n\n");
            }
            if (args.has("plans")) {
                Path file = Path.of(args.get("plans", "queue-plans.txt"));
                Files.writeString(file, plans, StandardCharsets.UTF_8);
                System.out.println("\nPlans written to " + file.toAbsolutePath());
            }
        }
    }

    /** The queues of the agent workspace, with the conditions in the order TicketQueries writes them. */
    static List<Queue> queues(long agent, long team, long scopeTeam) {
        List<Object> unsolved = UNSOLVED;
        Timestamp weekAgo = Timestamp.from(Instant.now().minus(Duration.ofDays(7)));
        List<Queue> queues = new ArrayList<>();
        queues.add(new Queue("all open", " and status in (?, ?)", List.of("NEW", "OPEN")));
        queues.add(new Queue("unassigned", " and status in (?, ?) and assignee_id is null", List.of("NEW", "OPEN")));
        queues.add(new Queue("mine", " and status in (?, ?, ?, ?) and assignee_id = ?", plus(unsolved, agent)));
        queues.add(new Queue("team", " and status in (?, ?, ?, ?) and team_id in (?)", plus(unsolved, team)));
        queues.add(new Queue("pending", " and status in (?, ?)", List.of("ON_HOLD", "PENDING")));
        queues.add(new Queue("recently solved", " and status in (?, ?) and updated_at >= ?",
                List.of("CLOSED", "SOLVED", weekAgo)));
        // What a first-line agent (OWN_TEAMS) gets for "all open": the scope adds its teams or its own tickets.
        queues.add(new Queue("all open, own-teams scope",
                " and status in (?, ?) and (team_id in (?) or assignee_id = ?)",
                List.of("NEW", "OPEN", scopeTeam, agent)));
        return queues;
    }

    private static List<Object> plus(List<Object> list, Object value) {
        List<Object> result = new ArrayList<>(list);
        result.add(value);
        return result;
    }

    private static long count(Connection connection, String sql, List<Object> params) throws SQLException {
        try (PreparedStatement s = prepare(connection, sql, params); ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Median and max milliseconds over {@code runs} executions, after warm-ups that also let pgjdbc prepare it. */
    private static double[] time(Connection connection, String sql, List<Object> params, int runs) throws SQLException {
        double[] millis = new double[runs];
        try (PreparedStatement s = prepare(connection, sql, params)) {
            for (int i = -3; i < runs; i++) {
                long start = System.nanoTime();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        rs.getObject(1);
                    }
                }
                if (i >= 0) {
                    millis[i] = (System.nanoTime() - start) / 1e6;
                }
            }
        }
        Arrays.sort(millis);
        return new double[] {millis[runs / 2], millis[runs - 1]};
    }

    /**
     * EXPLAIN with the values written in (a custom plan, as for the driver's first uses of a statement), or through
     * PREPARE/EXECUTE when plans are forced generic, the way the driver's server-prepared statements run.
     */
    private static List<String> explain(Connection connection, String sql, List<Object> params, boolean generic)
            throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Statement s = connection.createStatement()) {
            String explained = "explain (analyze, buffers) " + literal(sql, params);
            if (generic) {
                s.execute("deallocate all");
                s.execute("prepare q (" + params.stream().map(QueueQueries::sqlType).collect(Collectors.joining(", "))
                        + ") as " + numbered(sql));
                explained = "explain (analyze, buffers) execute q (" + literal(
                        "?" + ", ?".repeat(params.size() - 1), params) + ")";
            }
            try (ResultSet rs = s.executeQuery(explained)) {
                while (rs.next()) {
                    lines.add(rs.getString(1));
                }
            }
        }
        return lines;
    }

    private static String sqlType(Object value) {
        return value instanceof Number ? "bigint" : value instanceof Timestamp ? "timestamptz" : "text";
    }

    /** {@code ?} placeholders as {@code $1, $2, …}, for PREPARE. */
    private static String numbered(String sql) {
        StringBuilder out = new StringBuilder();
        int n = 0;
        for (char c : sql.toCharArray()) {
            out.append(c == '?' ? "$" + ++n : String.valueOf(c));
        }
        return out.toString();
    }

    /** The plan's node names, outermost first, e.g. "Limit > Sort > Bitmap Heap Scan". */
    private static String shape(List<String> plan) {
        return plan.stream().filter(l -> l.trim().startsWith("->") || !l.startsWith(" "))
                .filter(l -> !l.startsWith("Planning") && !l.startsWith("Execution"))
                .map(l -> l.replaceFirst("^\\s*(->)?\\s*", "").replaceFirst("\\s+\\(cost=.*$", ""))
                .map(l -> l.replaceFirst(" on ticket t$", "").replaceFirst(" on ticket$", ""))
                .collect(Collectors.joining(" > "));
    }

    private static PreparedStatement prepare(Connection connection, String sql, List<Object> params)
            throws SQLException {
        PreparedStatement s = connection.prepareStatement(sql);
        for (int i = 0; i < params.size(); i++) {
            s.setObject(i + 1, params.get(i));
        }
        return s;
    }

    /** The statement with its parameters written in, for EXPLAIN and for pasting into psql. */
    static String literal(String sql, List<Object> params) {
        StringBuilder out = new StringBuilder();
        int p = 0;
        for (char c : sql.toCharArray()) {
            if (c == '?') {
                Object v = params.get(p++);
                out.append(v instanceof Number ? v.toString() : "'" + v.toString().replace("'", "''") + "'"
                        + (v instanceof Timestamp ? "::timestamptz" : ""));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
