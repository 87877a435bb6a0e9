package io.otklik.sla;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import io.otklik.agent.SupportLine;
import io.otklik.agent.TeamId;
import io.otklik.ticket.TicketId;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tickets' rounds of internal targets in their table ({@code ola_clock}), replaced whole per ticket. The caller holds
 * the tickets' lock ({@link ClockRows#lock}), so two replacements of one ticket take turns.
 */
@Component
class OlaClockRows {

    private static final int BIGINT = Types.BIGINT;
    private static final int INT = Types.INTEGER;
    private static final int TEXT = Types.VARCHAR;
    private static final int TIME = Types.TIMESTAMP_WITH_TIMEZONE;
    private static final int BOOL = Types.BOOLEAN;
    private static final int[] TYPES = {BIGINT, BIGINT, INT, BIGINT, TEXT, TEXT, BIGINT, INT, TEXT, TIME, TIME, TIME,
            TIME, TEXT, BIGINT, BIGINT, BOOL, TIME};

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    OlaClockRows(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** Replaces the rounds of these tickets with the ones given (a ticket left out of {@code rounds} keeps none). */
    void replace(Collection<TicketId> tickets, Map<TicketId, List<OlaClock>> rounds, Instant now) {
        if (tickets.isEmpty()) {
            return;
        }
        jdbc.sql("delete from ola_clock where ticket_id in (:ids)")
                .param("ids", tickets.stream().map(TicketId::value).distinct().toList()).update();
        OffsetDateTime at = utc(now);
        List<Object[]> rows = new ArrayList<>();
        rounds.forEach((ticket, clocks) -> {
            for (OlaClock c : clocks) {
                boolean stopped = c.state() == ClockState.STOPPED;
                rows.add(new Object[] {ticket.value(), c.target().value(), c.round(),
                        c.team() == null ? null : c.team().value(), c.line() == null ? null : c.line().name(),
                        c.kind().name(), c.calendar().value(), Math.toIntExact(c.allowed().toMinutes()),
                        c.state().name(), utc(c.startedAt()), utc(c.runningSince()), utc(c.due()),
                        utc(c.stoppedAt()), c.endedBy() == null ? null : c.endedBy().name(), c.used().toSeconds(),
                        stopped ? c.used().toSeconds() : null, c.breachedAt(now), at});
            }
        });
        if (!rows.isEmpty()) {
            batch.batchUpdate("""
                    insert into ola_clock (ticket_id, target_id, round, team_id, line, kind, calendar_id,
                                           target_minutes, state, started_at, running_since, due_at, stopped_at,
                                           ended_by, used_seconds, achieved_seconds, breached, computed_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows, TYPES);
        }
    }

    /** The rounds kept for a ticket, per target and round. */
    List<OlaClock> of(TicketId ticket) {
        return jdbc.sql("select * from ola_clock where ticket_id = :id order by target_id, round")
                .param("id", ticket.value()).query(OlaClockRows::clock).list();
    }

    private static OlaClock clock(ResultSet rs, int row) throws SQLException {
        Long team = rs.getObject("team_id", Long.class);
        String line = rs.getString("line");
        String ended = rs.getString("ended_by");
        Long achieved = rs.getObject("achieved_seconds", Long.class);
        return new OlaClock(new OlaTargetId(rs.getLong("target_id")), team == null ? null : new TeamId(team),
                line == null ? null : SupportLine.valueOf(line), OlaKind.valueOf(rs.getString("kind")),
                rs.getInt("round"), ClockState.valueOf(rs.getString("state")),
                new BusinessCalendarId(rs.getLong("calendar_id")), Duration.ofMinutes(rs.getInt("target_minutes")),
                Duration.ofSeconds(achieved != null ? achieved : rs.getLong("used_seconds")),
                instant(rs, "started_at"), instant(rs, "running_since"), instant(rs, "due_at"),
                instant(rs, "stopped_at"), ended == null ? null : OlaClock.End.valueOf(ended),
                rs.getBoolean("breached"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
