package io.otklik.sla;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.otklik.ticket.Status;
import io.otklik.ticket.TicketId;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tickets' clocks and timelines in their tables ({@code sla_ticket}, {@code sla_clock}, {@code sla_timeline}): locked
 * per ticket, replaced whole, read back. Plain SQL that runs the same on PostgreSQL and H2.
 */
@Component
class ClockRows {

    private static final int BIGINT = Types.BIGINT;
    private static final int INT = Types.INTEGER;
    private static final int TEXT = Types.VARCHAR;
    private static final int TIME = Types.TIMESTAMP_WITH_TIMEZONE;
    private static final int BOOL = Types.BOOLEAN;
    private static final int[] CLOCK_TYPES = {BIGINT, TEXT, BIGINT, TEXT, BIGINT, TEXT, INT, BIGINT, TIME, TIME, TIME,
            TIME, BIGINT, BOOL, INT, INT, TIME};
    private static final int[] STEP_TYPES = {BIGINT, INT, TIME, TEXT, TEXT, TEXT, BIGINT, TEXT, BIGINT, INT, INT, TEXT,
            BIGINT, TEXT, TEXT, TIME, BIGINT, BOOL};

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final EscalationSchedule escalations;

    ClockRows(JdbcClient jdbc, JdbcTemplate batch, EscalationSchedule escalations) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.escalations = escalations;
    }

    /**
     * Takes the tickets' rows for this transaction, in order of id (so that two recomputes of overlapping sets never
     * wait for each other in a circle); a ticket seen for the first time gets its row first.
     *
     * @return the tickets that had no row: nothing is kept for them yet
     */
    Set<Long> lock(List<Long> tickets, Instant now) {
        List<Long> sorted = tickets.stream().distinct().sorted().toList();
        Set<Long> found = new HashSet<>(lockExisting(sorted));
        if (found.size() == sorted.size()) {
            return Set.of();
        }
        List<Long> missing = sorted.stream().filter(id -> !found.contains(id)).toList();
        OffsetDateTime at = utc(now);
        int[] inserted = batch.batchUpdate(
                "insert into sla_ticket (ticket_id, changed_at) values (?, ?) on conflict do nothing",
                missing.stream().map(id -> new Object[] {id, at}).toList(), new int[] {BIGINT, TIME});
        lockExisting(missing);
        // A row another recompute inserted meanwhile (this insert waited for it, then did nothing) may have clocks.
        Set<Long> fresh = new HashSet<>();
        for (int i = 0; i < missing.size(); i++) {
            if (inserted[i] == 1) {
                fresh.add(missing.get(i));
            }
        }
        return fresh;
    }

    private List<Long> lockExisting(List<Long> sorted) {
        return jdbc.sql("select ticket_id from sla_ticket where ticket_id in (:ids) order by ticket_id for update")
                .param("ids", sorted).query(Long.class).list();
    }

    /**
     * The clocks and timelines as they would be kept: instants to the microsecond, durations to the second (minutes
     * for targets), a running clock's breach as of {@code now}; what {@link #of} reads back after {@link #write}.
     */
    static TicketSla asKept(TicketSla computed, Instant now) {
        List<SlaClock> clocks = computed.clocks().stream().map(c -> new SlaClock(c.target(), c.state(), c.policy(),
                c.policyName(), c.calendar(), Duration.ofMinutes(c.allowed().toMinutes()), seconds(c.used()),
                micros(c.startedAt()), micros(c.runningSince()), micros(c.due()), micros(c.stoppedAt()),
                seconds(c.achieved()), c.breachedAt(now), c.rounds(), c.breaches())).toList();
        List<TimelineEntry> timeline = computed.timeline().stream().map(e -> {
            ClockReason r = e.reason();
            return new TimelineEntry(micros(e.at()), e.kind(), e.target(), new ClockReason(r.cause(), r.policy(),
                    r.policyName(), r.calendar(), wholeMinutes(r.target()), wholeMinutes(r.previousTarget()),
                    r.status(), r.message(), r.from(), r.to(), micros(r.due()), seconds(r.achieved()), r.breached()));
        }).toList();
        return new TicketSla(computed.ticket(), clocks, timeline);
    }

    /**
     * Keeps the tickets' clocks and timelines (locked before, given as {@link #asKept}), writing only what differs
     * from what is kept: the clocks when any changed, the timeline from its first changed step on.
     */
    void write(Collection<TicketSla> computed, Map<TicketId, TicketSla> kept, Instant now) {
        EscalationSchedule.Plan escalations = escalationsOf(computed, kept);
        List<Long> clocksChanged = new ArrayList<>();
        List<Object[]> clocks = new ArrayList<>();
        List<Object[]> cut = new ArrayList<>();
        List<Object[]> steps = new ArrayList<>();
        Set<Long> changed = new HashSet<>();
        for (TicketSla sla : computed) {
            long ticket = sla.ticket().value();
            TicketSla before = kept.get(sla.ticket());
            if (before == null || !before.clocks().equals(sla.clocks())) {
                changed.add(ticket);
                if (before != null && !before.clocks().isEmpty()) {
                    clocksChanged.add(ticket);
                }
                for (SlaClock c : sla.clocks()) {
                    clocks.add(new Object[] {ticket, c.target().name(), c.policy().value(), c.policyName(),
                            c.calendar().value(), c.state().name(), minutes(c.allowed()), c.used().toSeconds(),
                            utc(c.startedAt()), utc(c.runningSince()), utc(c.due()), utc(c.stoppedAt()),
                            c.achieved() == null ? null : c.achieved().toSeconds(), c.breached(), c.rounds(),
                            c.breaches(), c.state() == ClockState.RUNNING
                                    ? utc(escalations.nextCheck(EscalationSchedule.Running.of(ticket, c))) : null});
                }
            }
            List<TimelineEntry> old = before == null ? List.of() : before.timeline();
            List<TimelineEntry> next = sla.timeline();
            int same = 0;
            while (same < old.size() && same < next.size() && old.get(same).equals(next.get(same))) {
                same++;
            }
            if (same == old.size() && same == next.size()) {
                continue;
            }
            changed.add(ticket);
            if (same < old.size()) {
                cut.add(new Object[] {ticket, same});
            }
            for (int seq = same; seq < next.size(); seq++) {
                TimelineEntry e = next.get(seq);
                ClockReason r = e.reason();
                steps.add(new Object[] {ticket, seq, utc(e.at()), e.kind().name(), e.target().name(),
                        r.cause().name(), r.policy().value(), r.policyName(), r.calendar().value(),
                        minutes(r.target()), minutes(r.previousTarget()), r.status() == null ? null : r.status().name(),
                        r.message(), r.from(), r.to(), utc(r.due()),
                        r.achieved() == null ? null : r.achieved().toSeconds(), r.breached()});
            }
        }
        if (!clocksChanged.isEmpty()) {
            jdbc.sql("delete from sla_clock where ticket_id in (:ids)").param("ids", clocksChanged).update();
        }
        if (!clocks.isEmpty()) {
            batch.batchUpdate("""
                    insert into sla_clock (ticket_id, target, policy_id, policy_name, calendar_id, state,
                                           target_minutes, used_seconds, started_at, running_since, due_at, stopped_at,
                                           achieved_seconds, breached, rounds, breaches, next_check_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", clocks, CLOCK_TYPES);
        }
        if (!cut.isEmpty()) {
            batch.batchUpdate("delete from sla_timeline where ticket_id = ? and seq >= ?", cut,
                    new int[] {BIGINT, INT});
        }
        if (!steps.isEmpty()) {
            batch.batchUpdate("""
                    insert into sla_timeline (ticket_id, seq, at, kind, target, cause, policy_id, policy_name,
                                              calendar_id, target_minutes, previous_minutes, status, message_id,
                                              from_value, to_value, due_at, achieved_seconds, breached)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", steps, STEP_TYPES);
        }
        if (!changed.isEmpty()) {
            jdbc.sql("update sla_ticket set changed_at = :now where ticket_id in (:ids)").param("now", utc(now))
                    .param("ids", changed).update();
        }
    }

    /**
     * The escalation rules and what fired, for the tickets whose running clocks are to be written: a running clock is
     * looked at next when the first of its rules still to fire falls due ({@code next_check_at}).
     */
    private EscalationSchedule.Plan escalationsOf(Collection<TicketSla> computed, Map<TicketId, TicketSla> kept) {
        List<Long> running = computed.stream()
                .filter(sla -> sla.clocks().stream().anyMatch(c -> c.state() == ClockState.RUNNING))
                .filter(sla -> kept.get(sla.ticket()) == null || !kept.get(sla.ticket()).clocks().equals(sla.clocks()))
                .map(sla -> sla.ticket().value()).toList();
        return escalations.plan(running);
    }

    /** What is kept for these tickets (those with a row; empty clocks and timeline when nothing was computed). */
    Map<TicketId, TicketSla> kept(Collection<Long> tickets) {
        Map<Long, List<SlaClock>> clocks = new HashMap<>();
        Map<Long, List<TimelineEntry>> timelines = new HashMap<>();
        if (tickets.isEmpty()) {
            return Map.of();
        }
        jdbc.sql(SELECT_CLOCKS + " where ticket_id in (:ids) order by ticket_id").param("ids", tickets)
                .query(rs -> {
                    clocks.computeIfAbsent(rs.getLong("ticket_id"), k -> new ArrayList<>()).add(clock(rs));
                });
        jdbc.sql(SELECT_STEPS + " where ticket_id in (:ids) order by ticket_id, seq").param("ids", tickets)
                .query(rs -> {
                    timelines.computeIfAbsent(rs.getLong("ticket_id"), k -> new ArrayList<>()).add(step(rs));
                });
        Map<TicketId, TicketSla> kept = new HashMap<>();
        for (Long id : tickets) {
            kept.put(new TicketId(id), new TicketSla(new TicketId(id), sorted(clocks.getOrDefault(id, List.of())),
                    timelines.getOrDefault(id, List.of())));
        }
        return kept;
    }

    /** The kept clocks and timeline of a ticket; empty when none were computed yet. */
    Optional<TicketSla> of(TicketId ticket) {
        boolean kept = jdbc.sql("select count(*) from sla_ticket where ticket_id = :id").param("id", ticket.value())
                .query(Long.class).single() > 0;
        if (!kept) {
            return Optional.empty();
        }
        return Optional.of(kept(List.of(ticket.value())).get(ticket));
    }

    private static final String SELECT_CLOCKS = """
            select ticket_id, target, policy_id, policy_name, calendar_id, state, target_minutes, used_seconds,
                   started_at, running_since, due_at, stopped_at, achieved_seconds, breached, rounds, breaches
            from sla_clock""";

    private static final String SELECT_STEPS = """
            select ticket_id, at, kind, target, cause, policy_id, policy_name, calendar_id, target_minutes,
                   previous_minutes, status, message_id, from_value, to_value, due_at, achieved_seconds, breached
            from sla_timeline""";

    private static SlaClock clock(ResultSet rs) throws SQLException {
        return new SlaClock(ClockTarget.valueOf(rs.getString("target")), ClockState.valueOf(rs.getString("state")),
                new SlaPolicyId(rs.getLong("policy_id")), rs.getString("policy_name"),
                new BusinessCalendarId(rs.getLong("calendar_id")), ofMinutes(rs, "target_minutes"),
                Duration.ofSeconds(rs.getLong("used_seconds")), instant(rs, "started_at"),
                instant(rs, "running_since"), instant(rs, "due_at"), instant(rs, "stopped_at"),
                seconds(rs, "achieved_seconds"), rs.getBoolean("breached"), rs.getInt("rounds"),
                rs.getInt("breaches"));
    }

    private static TimelineEntry step(ResultSet rs) throws SQLException {
        return new TimelineEntry(instant(rs, "at"), TimelineKind.valueOf(rs.getString("kind")),
                ClockTarget.valueOf(rs.getString("target")), new ClockReason(
                        ClockReason.Cause.valueOf(rs.getString("cause")), new SlaPolicyId(rs.getLong("policy_id")),
                        rs.getString("policy_name"), new BusinessCalendarId(rs.getLong("calendar_id")),
                        ofMinutes(rs, "target_minutes"), ofMinutes(rs, "previous_minutes"),
                        rs.getString("status") == null ? null : Status.valueOf(rs.getString("status")),
                        (Long) rs.getObject("message_id", Long.class), rs.getString("from_value"),
                        rs.getString("to_value"), instant(rs, "due_at"), seconds(rs, "achieved_seconds"),
                        (Boolean) rs.getObject("breached", Boolean.class)));
    }

    private static List<SlaClock> sorted(List<SlaClock> clocks) {
        return clocks.stream().sorted(Comparator.comparing(SlaClock::target)).toList();
    }

    private static Instant micros(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }

    private static Duration seconds(Duration duration) {
        return duration == null ? null : Duration.ofSeconds(duration.toSeconds());
    }

    private static Duration wholeMinutes(Duration duration) {
        return duration == null ? null : Duration.ofMinutes(duration.toMinutes());
    }

    private static Integer minutes(Duration duration) {
        return duration == null ? null : Math.toIntExact(duration.toMinutes());
    }

    private static Duration ofMinutes(ResultSet rs, String column) throws SQLException {
        Integer value = rs.getObject(column, Integer.class);
        return value == null ? null : Duration.ofMinutes(value);
    }

    private static Duration seconds(ResultSet rs, String column) throws SQLException {
        Long value = rs.getObject(column, Long.class);
        return value == null ? null : Duration.ofSeconds(value);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
