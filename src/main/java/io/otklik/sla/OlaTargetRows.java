package io.otklik.sla;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import io.otklik.agent.SupportLine;
import io.otklik.agent.TeamId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Internal targets in their table ({@code ola_target}). */
@Component
class OlaTargetRows {

    private static final String COLUMNS = "id, team_id, line, kind, target_minutes, calendar_id, enabled";

    private final JdbcClient jdbc;

    OlaTargetRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** All targets, enabled or not: lines' first (L1, L2, L3), then teams' by id; response before resolution. */
    List<OlaTarget> all() {
        return jdbc.sql("select " + COLUMNS + " from ola_target order by team_id nulls first, line, kind desc, id")
                .query(OlaTargetRows::target).list();
    }

    Optional<OlaTarget> one(OlaTargetId id) {
        return jdbc.sql("select " + COLUMNS + " from ola_target where id = :id").param("id", id.value())
                .query(OlaTargetRows::target).optional();
    }

    /** Whether a target other than {@code except} (null: any) has this holder and kind. */
    boolean taken(TeamId team, SupportLine line, OlaKind kind, OlaTargetId except) {
        String holder = team != null ? "team_id = :holder" : "line = :holder";
        return jdbc.sql("select count(*) from ola_target where " + holder + " and kind = :kind and id <> :except")
                .param("holder", team != null ? (Object) team.value() : line.name()).param("kind", kind.name())
                .param("except", except == null ? -1L : except.value()).query(Long.class).single() > 0;
    }

    /** How many targets count in this calendar. */
    long using(BusinessCalendarId calendar) {
        return jdbc.sql("select count(*) from ola_target where calendar_id = :id").param("id", calendar.value())
                .query(Long.class).single();
    }

    OlaTargetId insert(OlaTargetDetails details, Instant now) {
        long id = jdbc.sql("select nextval('ola_target_seq')").query(Long.class).single();
        jdbc.sql("""
                        insert into ola_target (id, team_id, line, kind, target_minutes, calendar_id, enabled,
                                                created_at, updated_at)
                        values (:id, :team, :line, :kind, :minutes, :calendar, :enabled, :now, :now)""")
                .param("id", id).param("team", details.team() == null ? null : details.team().value())
                .param("line", details.line() == null ? null : details.line().name())
                .param("kind", details.kind().name()).param("minutes", details.allowed().toMinutes())
                .param("calendar", details.calendar().value()).param("enabled", details.enabled())
                .param("now", now.atOffset(ZoneOffset.UTC)).update();
        return new OlaTargetId(id);
    }

    void update(OlaTargetId id, OlaTargetDetails details, Instant now) {
        jdbc.sql("""
                        update ola_target set team_id = :team, line = :line, kind = :kind, target_minutes = :minutes,
                               calendar_id = :calendar, enabled = :enabled, updated_at = :now
                        where id = :id""")
                .param("id", id.value()).param("team", details.team() == null ? null : details.team().value())
                .param("line", details.line() == null ? null : details.line().name())
                .param("kind", details.kind().name()).param("minutes", details.allowed().toMinutes())
                .param("calendar", details.calendar().value()).param("enabled", details.enabled())
                .param("now", now.atOffset(ZoneOffset.UTC)).update();
    }

    void delete(OlaTargetId id) {
        jdbc.sql("delete from ola_target where id = :id").param("id", id.value()).update();
    }

    private static OlaTarget target(ResultSet rs, int row) throws SQLException {
        long team = rs.getLong("team_id");
        boolean ofTeam = !rs.wasNull();
        return new OlaTarget(new OlaTargetId(rs.getLong("id")), ofTeam ? new TeamId(team) : null,
                ofTeam ? null : SupportLine.valueOf(rs.getString("line")), OlaKind.valueOf(rs.getString("kind")),
                Duration.ofMinutes(rs.getInt("target_minutes")), new BusinessCalendarId(rs.getLong("calendar_id")),
                rs.getBoolean("enabled"));
    }
}
