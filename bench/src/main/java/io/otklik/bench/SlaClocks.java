package io.otklik.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Writes service-level clocks for the unsolved tickets of a generated database that have none, in bulk, the way the
 * application keeps them ({@code sla_ticket}, {@code sla_clock}) and counted on the database's default policy (which
 * the application makes on its first start). Per ticket: first response running while NEW, else stopped (answered in
 * or after its target); resolution running while NEW or OPEN, paused while PENDING or ON_HOLD. A running clock is
 * due at a moment spread over {@code pastDays} before and {@code futureDays} after now; the policy's escalation rules
 * whose share of the target lies in the past count as fired ({@code sla_escalation_fired}), and {@code next_check_at}
 * is the moment of the first one left — as a steady running system would have it. Shares are placed in calendar
 * time (the application counts them in business time; where that differs, its scanner finds the true moment when it
 * looks). The same seed gives the same rows.
 */
final class SlaClocks {

    static final String TICKET_COPY = "copy sla_ticket (ticket_id, changed_at) from stdin";
    static final String CLOCK_COPY = "copy sla_clock (ticket_id, target, policy_id, policy_name, calendar_id, state, "
            + "target_minutes, used_seconds, started_at, running_since, due_at, stopped_at, achieved_seconds, "
            + "breached, rounds, breaches, next_check_at) from stdin";
    static final String FIRED_COPY = "copy sla_escalation_fired (ticket_id, target, clock_round, rule_id, fired_at, "
            + "due_at, at_percent, action, outcome) from stdin";

    private static final long MINUTE = 60_000L;
    private static final long DAY = 24 * 60 * MINUTE;
    private static final int BATCH = 20_000;

    /** The default policy as the application keeps it: targets per priority in minutes, and its rules on. */
    record Policy(long id, String name, long calendar, Map<String, int[]> targets, List<Rule> rules) {
    }

    /** An escalation rule of the policy. */
    record Rule(long id, String target, int percent, String action) {
    }

    /** What was written. */
    record Written(long tickets, long clocks, long running, long fired) {
    }

    private final long now;
    private final long seed;
    private final double pastDays;
    private final double futureDays;

    SlaClocks(long now, long seed, double pastDays, double futureDays) {
        this.now = now;
        this.seed = seed;
        this.pastDays = pastDays;
        this.futureDays = futureDays;
    }

    static Policy defaultPolicy(Connection connection) throws SQLException {
        long id;
        String name;
        long calendar;
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("""
                select p.id, p.name, p.calendar_id from sla_policy_state st join sla_policy p
                on p.id = st.default_policy_id""")) {
            if (!rs.next()) {
                throw new IllegalStateException("the database has no default SLA policy yet: start the application "
                        + "on it once (it makes the policy and its escalation rules), then run this again");
            }
            id = rs.getLong(1);
            name = rs.getString(2);
            calendar = rs.getLong(3);
        }
        Map<String, int[]> targets = new HashMap<>();
        List<Rule> rules = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement("select priority, first_response_minutes, "
                + "resolution_minutes from sla_policy_target where policy_id = ?")) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    targets.put(rs.getString(1), new int[] {rs.getInt(2), rs.getInt(3)});
                }
            }
        }
        try (PreparedStatement s = connection.prepareStatement("select id, target, at_percent, action from "
                + "sla_escalation_rule where policy_id = ? and enabled order by target, at_percent, id")) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rules.add(new Rule(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4)));
                }
            }
        }
        return new Policy(id, name, calendar, targets, rules);
    }

    /** Writes the clocks of every unsolved ticket without any, {@value #BATCH} tickets per transaction. */
    Written write(Database database, Policy policy, Progress progress) throws Exception {
        long tickets = 0;
        long clocks = 0;
        long running = 0;
        long fired = 0;
        try (Connection reader = database.connect(); Connection writer = database.connect()) {
            reader.setAutoCommit(false);
            writer.setAutoCommit(false);
            try (Statement s = writer.createStatement()) {
                s.execute("set synchronous_commit = off");
            }
            CopyManager copy = writer.unwrap(PGConnection.class).getCopyAPI();
            try (PreparedStatement select = reader.prepareStatement("""
                    select t.id, t.status, t.priority, t.created_at from ticket t
                    where t.status in ('NEW', 'OPEN', 'PENDING', 'ON_HOLD')
                      and not exists (select 1 from sla_ticket s where s.ticket_id = t.id)
                    order by t.id""")) {
                select.setFetchSize(BATCH);
                try (ResultSet rs = select.executeQuery()) {
                    Rows rows = new Rows();
                    while (rs.next()) {
                        long id = rs.getLong(1);
                        int[] target = policy.targets().get(rs.getString(3));
                        rows.ticket(id, rs.getString(2), rs.getTimestamp(4).getTime(), target, policy);
                        if (rows.tickets == BATCH) {
                            flush(copy, writer, rows);
                            tickets += rows.tickets;
                            clocks += rows.clocks.rows();
                            running += rows.running;
                            fired += rows.fired.rows();
                            progress.show(tickets, tickets + clocks + fired, false);
                            rows = new Rows();
                        }
                    }
                    flush(copy, writer, rows);
                    tickets += rows.tickets;
                    clocks += rows.clocks.rows();
                    running += rows.running;
                    fired += rows.fired.rows();
                }
            }
            reader.commit();
            progress.finish(tickets, tickets + clocks + fired);
        }
        return new Written(tickets, clocks, running, fired);
    }

    private static void flush(CopyManager copy, Connection writer, Rows rows) throws SQLException {
        BulkLoader.copy(copy, TICKET_COPY, rows.sla);
        BulkLoader.copy(copy, CLOCK_COPY, rows.clocks);
        BulkLoader.copy(copy, FIRED_COPY, rows.fired);
        writer.commit();
    }

    /** One batch of rows. */
    private final class Rows {

        final CopyRows sla = new CopyRows(BATCH * 40);
        final CopyRows clocks = new CopyRows(BATCH * 2 * 200);
        final CopyRows fired = new CopyRows(BATCH * 120);
        int tickets;
        long running;

        void ticket(long id, String status, long created, int[] target, Policy policy) {
            tickets++;
            sla.add(id).addTime(now).endRow();
            if (target == null) {
                return;
            }
            Random random = new Random(seed * 31 + id);
            if (target[0] > 0) {
                if (status.equals("NEW")) {
                    running(random, id, "FIRST_RESPONSE", created, target[0], policy);
                } else {
                    stopped(random, id, created, target[0], policy);
                }
            }
            if (target[1] > 0) {
                if (status.equals("NEW") || status.equals("OPEN")) {
                    running(random, id, "RESOLUTION", created, target[1], policy);
                } else {
                    paused(random, id, created, target[1], policy);
                }
            }
        }

        private void running(Random random, long id, String target, long created, int minutes, Policy policy) {
            running++;
            long span = (long) ((pastDays + futureDays) * DAY);
            long due = now - (long) (pastDays * DAY) + (long) (span * random.nextDouble());
            due -= due % 1000;
            long allowed = minutes * MINUTE;
            long since = Math.max(created, due - allowed);
            long used = Math.max(0, allowed - (due - since)) / 1000;
            Long next = null;
            for (Rule rule : policy.rules()) {
                if (!rule.target().equals(target)) {
                    continue;
                }
                long at = due + allowed * (rule.percent() - 100) / 100;
                if (at <= now) {
                    fired.add(id).add(target).add(1).add(rule.id()).addTime(at).addTime(due).add(rule.percent())
                            .add(rule.action()).add("NOTIFIED").endRow();
                } else if (next == null || at < next) {
                    next = at;
                }
            }
            clock(id, target, policy, "RUNNING", minutes, used, created, since, due, null, null, due < now, 1,
                    due < now ? 1 : 0, next);
        }

        private void stopped(Random random, long id, long created, int minutes, Policy policy) {
            long allowed = minutes * MINUTE;
            long due = created + allowed;
            long took = (long) (allowed * 1.3 * random.nextDouble()) / 1000 * 1000;
            long stopped = Math.min(created + took, now);
            long achieved = (stopped - created) / 1000;
            boolean late = stopped > due;
            clock(id, "FIRST_RESPONSE", policy, "STOPPED", minutes, achieved, created, null, due, stopped, achieved,
                    late, 1, late ? 1 : 0, null);
        }

        private void paused(Random random, long id, long created, int minutes, Policy policy) {
            long used = (long) (minutes * 60 * random.nextDouble());
            clock(id, "RESOLUTION", policy, "PAUSED", minutes, used, created, null, null, null, null, false, 1, 0,
                    null);
        }

        private void clock(long id, String target, Policy policy, String state, int minutes, long used, long started,
                Long since, Long due, Long stopped, Long achieved, boolean breached, int rounds, int breaches,
                Long next) {
            clocks.add(id).add(target).add(policy.id()).add(policy.name()).add(policy.calendar()).add(state)
                    .add(minutes).add(used).addTime(started).addTime(since).addTime(due).addTime(stopped)
                    .add(achieved).add(breached).add(rounds).add(breaches).addTime(next).endRow();
        }
    }

    static String describe(Policy policy) {
        return String.format(Locale.ROOT, "policy %d \"%s\" (calendar %d), %d escalation rules on", policy.id(),
                policy.name(), policy.calendar(), policy.rules().size());
    }
}
