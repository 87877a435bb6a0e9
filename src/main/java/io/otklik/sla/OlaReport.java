package io.otklik.sla;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.otklik.agent.SupportLine;
import io.otklik.agent.TeamId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How teams and lines kept their internal targets (OLA), apart from the customer's service level: per holder and
 * kind, the rounds that ended in a period, how many of them missed their target, and the median business time they
 * took; and the rounds going now, how many of them already past due. From the rounds kept with tickets' clocks.
 */
@Service
public class OlaReport {

    private final JdbcClient jdbc;
    private final OlaTargetRows targets;
    private final Clock clock;

    OlaReport(JdbcClient jdbc, OlaTargetRows targets, Clock clock) {
        this.jdbc = jdbc;
        this.targets = targets;
        this.clock = clock;
    }

    /**
     * One line of the report: a team's target ({@code team} set, {@code line} {@code null}) or a line's ({@code line}
     * set), of one kind. {@code handled}: rounds ended in the period, {@code breached} of them late, {@code median} the
     * median business time they took ({@code null} when none ended); {@code open}: rounds going now, whenever they
     * began, {@code overdue} of them past due.
     */
    public record Row(TeamId team, SupportLine line, OlaKind kind, long handled, long breached, Duration median,
            long open, long overdue) {

        /** Breached of handled, 0..1; {@code null} when none were handled. */
        public Double breachRate() {
            return handled == 0 ? null : (double) breached / handled;
        }
    }

    /**
     * Rounds that ended from {@code from} (inclusive) to {@code to} (exclusive), and those going now: a line for every
     * target there is, even if nothing ended, and for every holder with rounds kept (a deleted target's); lines'
     * targets first, then teams'; response before resolution.
     */
    @PreAuthorize("hasRole('SUPERVISOR')")
    @Transactional(readOnly = true)
    public List<Row> between(Instant from, Instant to) {
        Map<Key, long[]> ended = new HashMap<>();
        Map<Key, Duration> medians = new HashMap<>();
        jdbc.sql("""
                        select team_id, case when team_id is null then line end as line, kind, count(*) as handled,
                               sum(case when breached then 1 else 0 end) as breached,
                               percentile_cont(0.5) within group (order by achieved_seconds) as median
                        from ola_clock
                        where state = 'STOPPED' and stopped_at >= :from and stopped_at < :to
                        group by team_id, case when team_id is null then line end, kind""")
                .param("from", utc(from)).param("to", utc(to))
                .query(rs -> {
                    Key key = key(rs.getObject("team_id", Long.class), rs.getString("line"), rs.getString("kind"));
                    ended.put(key, new long[] {rs.getLong("handled"), rs.getLong("breached")});
                    double median = rs.getDouble("median");
                    if (!rs.wasNull()) {
                        medians.put(key, Duration.ofSeconds(Math.round(median)));
                    }
                });
        Map<Key, long[]> going = new HashMap<>();
        jdbc.sql("""
                        select team_id, case when team_id is null then line end as line, kind, count(*) as open,
                               sum(case when state = 'RUNNING' and due_at < :now or state = 'PAUSED' and breached
                                   then 1 else 0 end) as overdue
                        from ola_clock where state <> 'STOPPED'
                        group by team_id, case when team_id is null then line end, kind""")
                .param("now", utc(clock.instant()))
                .query(rs -> {
                    going.put(key(rs.getObject("team_id", Long.class), rs.getString("line"), rs.getString("kind")),
                            new long[] {rs.getLong("open"), rs.getLong("overdue")});
                });
        Set<Key> keys = new TreeSet<>(ORDER);
        targets.all().forEach(target -> keys.add(new Key(target.team(), target.line(), target.kind())));
        keys.addAll(ended.keySet());
        keys.addAll(going.keySet());
        List<Row> rows = new ArrayList<>(keys.size());
        for (Key key : keys) {
            long[] done = ended.getOrDefault(key, new long[2]);
            long[] now = going.getOrDefault(key, new long[2]);
            rows.add(new Row(key.team(), key.line(), key.kind(), done[0], done[1], medians.get(key), now[0], now[1]));
        }
        return rows;
    }

    private static final Comparator<Key> ORDER = Comparator.comparing((Key k) -> k.team() != null)
            .thenComparing(k -> k.line() == null ? "" : k.line().name())
            .thenComparing(k -> k.team() == null ? 0 : k.team().value())
            .thenComparing(Key::kind);

    /** A team's target's rounds, or a line's target's. */
    private static Key key(Long team, String line, String kind) {
        return team != null ? new Key(new TeamId(team), null, OlaKind.valueOf(kind))
                : new Key(null, SupportLine.valueOf(line), OlaKind.valueOf(kind));
    }

    /** Whose and which: a team's target by its team, a line's by its line. */
    private record Key(TeamId team, SupportLine line, OlaKind kind) {
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
