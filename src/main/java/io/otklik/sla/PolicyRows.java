package io.otklik.sla;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.otklik.ticket.Channel;
import io.otklik.ticket.Priority;
import io.otklik.ticket.Status;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Service-level policies in their tables: read straight into views in their order, the default one last (three
 * queries whatever their number), written row by row. Every change counts up the revision that nodes compare their
 * cached policies with ({@link #touch}).
 */
@Component
class PolicyRows {

    /** What a condition row is about ({@code sla_policy_condition.attribute}). */
    enum Attribute {
        PRIORITY, CATEGORY, ORGANIZATION, SEGMENT, CHANNEL, TEAM
    }

    private final JdbcClient jdbc;

    PolicyRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The default policy and the revision of all policies; empty before the default policy exists. */
    record State(SlaPolicyId defaultPolicy, long revision) {
    }

    Optional<State> state() {
        return jdbc.sql("select default_policy_id, revision from sla_policy_state where id = 1")
                .query((rs, n) -> new State(new SlaPolicyId(rs.getLong(1)), rs.getLong(2))).optional();
    }

    /** All policies in the order they are tried, the default one last. */
    List<SlaPolicyView> all() {
        return read("", Map.of());
    }

    Optional<SlaPolicyView> one(SlaPolicyId id) {
        return read("where p.id = :id", Map.of("id", id.value())).stream().findFirst();
    }

    /** Whether another policy than {@code except} (null: any) has this name, whatever the letter case. */
    boolean nameTaken(String name, SlaPolicyId except) {
        return jdbc.sql("select count(*) from sla_policy where lower(name) = lower(:name) and id <> :except")
                .param("name", name).param("except", except == null ? -1L : except.value())
                .query(Long.class).single() > 0;
    }

    /** The names of the policies counting in this calendar, in their order. */
    List<String> namesUsing(BusinessCalendarId calendar) {
        return jdbc.sql("select name from sla_policy where calendar_id = :id order by position, id")
                .param("id", calendar.value()).query(String.class).list();
    }

    /** A place after every policy there is. */
    int nextPosition() {
        return jdbc.sql("select coalesce(max(position), 0) + 1 from sla_policy").query(Integer.class).single();
    }

    SlaPolicyId insert(PolicyDetails details, int position, Instant now) {
        long id = jdbc.sql("select nextval('sla_policy_seq')").query(Long.class).single();
        jdbc.sql("""
                        insert into sla_policy (id, position, name, enabled, calendar_id, paused_in,
                                                first_response_cap_minutes, created_at, updated_at)
                        values (:id, :position, :name, :enabled, :calendar, :paused, :cap, :now, :now)""")
                .param("id", id).param("position", position).param("name", details.name())
                .param("enabled", details.enabled()).param("calendar", details.calendar().value())
                .param("paused", paused(details.pausedIn())).param("cap", details.firstResponseCap().toMinutes())
                .param("now", utc(now)).update();
        SlaPolicyId policy = new SlaPolicyId(id);
        writeConditionsAndTargets(policy, details);
        return policy;
    }

    void update(SlaPolicyId id, PolicyDetails details, Instant now) {
        jdbc.sql("""
                        update sla_policy set name = :name, enabled = :enabled, calendar_id = :calendar,
                               paused_in = :paused, first_response_cap_minutes = :cap, updated_at = :now
                        where id = :id""")
                .param("id", id.value()).param("name", details.name()).param("enabled", details.enabled())
                .param("calendar", details.calendar().value()).param("paused", paused(details.pausedIn()))
                .param("cap", details.firstResponseCap().toMinutes()).param("now", utc(now)).update();
        jdbc.sql("delete from sla_policy_condition where policy_id = :id").param("id", id.value()).update();
        jdbc.sql("delete from sla_policy_target where policy_id = :id").param("id", id.value()).update();
        writeConditionsAndTargets(id, details);
    }

    void enable(SlaPolicyId id, boolean enabled) {
        jdbc.sql("update sla_policy set enabled = :enabled where id = :id").param("id", id.value())
                .param("enabled", enabled).update();
    }

    /** Numbers the policies 1, 2, 3 … in this order. */
    void order(List<SlaPolicyId> order) {
        for (int i = 0; i < order.size(); i++) {
            jdbc.sql("update sla_policy set position = :position where id = :id").param("id", order.get(i).value())
                    .param("position", i + 1).update();
        }
    }

    void delete(SlaPolicyId id) {
        jdbc.sql("delete from sla_policy where id = :id").param("id", id.value()).update();
    }

    /**
     * Marks a change of the policy (its {@code updated_at}) and of the policies as a whole (the revision); the
     * state's row lock also puts concurrent changes one after the other.
     */
    void touch(SlaPolicyId id, Instant now) {
        jdbc.sql("update sla_policy_state set revision = revision + 1 where id = 1").update();
        if (id != null) {
            jdbc.sql("update sla_policy set updated_at = :now where id = :id").param("id", id.value())
                    .param("now", utc(now)).update();
        }
    }

    /** Makes the policy the default one; fails when the state row exists (another node was first). */
    void insertState(SlaPolicyId id) {
        jdbc.sql("insert into sla_policy_state (id, default_policy_id, revision) values (1, :id, 1)")
                .param("id", id.value()).update();
    }

    private void writeConditionsAndTargets(SlaPolicyId id, PolicyDetails details) {
        PolicyConditions conditions = details.conditions();
        conditions.priorities().forEach(p -> insertCondition(id, Attribute.PRIORITY, p.name()));
        conditions.categories().forEach(c -> insertCondition(id, Attribute.CATEGORY, c.toString()));
        conditions.organizations().forEach(o -> insertCondition(id, Attribute.ORGANIZATION, o.toString()));
        conditions.segments().forEach(s -> insertCondition(id, Attribute.SEGMENT, s));
        conditions.channels().forEach(c -> insertCondition(id, Attribute.CHANNEL, c.name()));
        conditions.teams().forEach(t -> insertCondition(id, Attribute.TEAM, t.toString()));
        details.targets().forEach((priority, targets) -> {
            if (Arrays.stream(ClockTarget.values()).anyMatch(kind -> targets.of(kind) != null)) {
                jdbc.sql("""
                                insert into sla_policy_target (policy_id, priority, first_response_minutes,
                                    next_response_minutes, periodic_update_minutes, resolution_minutes)
                                values (:id, :priority, :first, :next, :update, :resolution)""")
                        .param("id", id.value()).param("priority", priority.name())
                        .param("first", minutes(targets.firstResponse()))
                        .param("next", minutes(targets.nextResponse()))
                        .param("update", minutes(targets.periodicUpdate()))
                        .param("resolution", minutes(targets.resolution())).update();
            }
        });
    }

    private void insertCondition(SlaPolicyId id, Attribute attribute, String value) {
        jdbc.sql("insert into sla_policy_condition (policy_id, attribute, val) values (:id, :attribute, :value)")
                .param("id", id.value()).param("attribute", attribute.name()).param("value", value).update();
    }

    private List<SlaPolicyView> read(String where, Map<String, ?> parameters) {
        Long defaultId = state().map(s -> s.defaultPolicy().value()).orElse(null);
        Map<Long, Row> rows = new LinkedHashMap<>();
        jdbc.sql("select p.id, p.name, p.enabled, p.calendar_id, p.paused_in, p.first_response_cap_minutes,"
                        + " p.updated_at from sla_policy p " + where + " order by p.position, p.id")
                .params(parameters).query((ResultSet rs) -> {
                    rows.put(rs.getLong("id"), new Row(rs));
                });
        if (rows.isEmpty()) {
            return List.of();
        }
        jdbc.sql("select c.policy_id, c.attribute, c.val from sla_policy_condition c"
                        + " join sla_policy p on p.id = c.policy_id " + where)
                .params(parameters).query((ResultSet rs) -> {
                    Row row = rows.get(rs.getLong("policy_id"));
                    if (row != null) {
                        row.condition(Attribute.valueOf(rs.getString("attribute")), rs.getString("val"));
                    }
                });
        jdbc.sql("select t.policy_id, t.priority, t.first_response_minutes, t.next_response_minutes,"
                        + " t.periodic_update_minutes, t.resolution_minutes from sla_policy_target t"
                        + " join sla_policy p on p.id = t.policy_id " + where)
                .params(parameters).query((ResultSet rs) -> {
                    Row row = rows.get(rs.getLong("policy_id"));
                    if (row != null) {
                        row.targets.put(Priority.valueOf(rs.getString("priority")), new PolicyTargets(
                                duration(rs, "first_response_minutes"), duration(rs, "next_response_minutes"),
                                duration(rs, "periodic_update_minutes"), duration(rs, "resolution_minutes")));
                    }
                });
        List<SlaPolicyView> views = new ArrayList<>();
        SlaPolicyView standard = null;
        for (Row row : rows.values()) {
            SlaPolicyView view = row.view(defaultId);
            if (view.isDefault()) {
                standard = view;
            } else {
                views.add(view);
            }
        }
        if (standard != null) {
            views.add(standard);
        }
        return views;
    }

    private static String paused(Set<Status> statuses) {
        return statuses.stream().sorted().map(Status::name).collect(Collectors.joining(","));
    }

    private static Integer minutes(Duration duration) {
        return duration == null ? null : Math.toIntExact(duration.toMinutes());
    }

    private static Duration duration(ResultSet rs, String column) throws SQLException {
        int minutes = rs.getInt(column);
        return rs.wasNull() ? null : Duration.ofMinutes(minutes);
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static final class Row {

        final long id;
        final String name;
        final boolean enabled;
        final long calendar;
        final Set<Status> pausedIn = EnumSet.noneOf(Status.class);
        final Duration cap;
        final Instant updatedAt;
        final Set<Priority> priorities = EnumSet.noneOf(Priority.class);
        final Set<Long> categories = new HashSet<>();
        final Set<Long> organizations = new HashSet<>();
        final Set<String> segments = new HashSet<>();
        final Set<Channel> channels = EnumSet.noneOf(Channel.class);
        final Set<Long> teams = new HashSet<>();
        final Map<Priority, PolicyTargets> targets = new EnumMap<>(Priority.class);

        Row(ResultSet rs) throws SQLException {
            this.id = rs.getLong("id");
            this.name = rs.getString("name");
            this.enabled = rs.getBoolean("enabled");
            this.calendar = rs.getLong("calendar_id");
            for (String status : rs.getString("paused_in").split(",")) {
                if (!status.isBlank()) {
                    pausedIn.add(Status.valueOf(status.strip()));
                }
            }
            this.cap = Duration.ofMinutes(rs.getInt("first_response_cap_minutes"));
            this.updatedAt = rs.getObject("updated_at", OffsetDateTime.class).toInstant();
        }

        void condition(Attribute attribute, String value) {
            switch (attribute) {
                case PRIORITY -> priorities.add(Priority.valueOf(value));
                case CATEGORY -> categories.add(Long.valueOf(value));
                case ORGANIZATION -> organizations.add(Long.valueOf(value));
                case SEGMENT -> segments.add(value);
                case CHANNEL -> channels.add(Channel.valueOf(value));
                case TEAM -> teams.add(Long.valueOf(value));
            }
        }

        SlaPolicyView view(Long defaultId) {
            SlaPolicy policy = new SlaPolicy(new SlaPolicyId(id), name, enabled, new PolicyConditions(priorities,
                    categories, organizations, segments, channels, teams), new BusinessCalendarId(calendar), targets,
                    pausedIn, cap);
            return new SlaPolicyView(policy, defaultId != null && defaultId == id, updatedAt);
        }
    }
}
