package io.otklik.channel.email;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.otklik.channel.email.PostmasterAction.Kind;
import io.otklik.channel.email.PostmasterCondition.Field;
import io.otklik.channel.email.PostmasterCondition.Operator;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads postmaster rules in evaluation order with three queries whatever their number, straight into views: the
 * cache of {@link PostmasterRules} loads through here inside the caller's transaction without putting entities
 * into its persistence context.
 */
@Component
class PostmasterRuleRows {

    private final JdbcClient jdbc;

    PostmasterRuleRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<PostmasterRuleView> all() {
        return read("", Map.of());
    }

    List<PostmasterRuleView> enabled() {
        return read("where r.enabled = true", Map.of());
    }

    Optional<PostmasterRuleView> one(PostmasterRuleId id) {
        return read("where r.id = :id", Map.of("id", id.value())).stream().findFirst();
    }

    private List<PostmasterRuleView> read(String where, Map<String, ?> parameters) {
        Map<Long, Row> rows = new LinkedHashMap<>();
        jdbc.sql("select r.id, r.position, r.name, r.enabled, r.stop_after, r.created_at, r.updated_at"
                        + " from postmaster_rule r " + where + " order by r.position, r.id")
                .params(parameters).query((ResultSet rs) -> {
                    rows.put(rs.getLong("id"), new Row(rs));
                });
        if (rows.isEmpty()) {
            return List.of();
        }
        jdbc.sql("select c.rule_id, c.field, c.header_name, c.operator, c.match_value from postmaster_rule_condition c"
                        + " join postmaster_rule r on r.id = c.rule_id " + where + " order by c.rule_id, c.ordinal")
                .params(parameters).query((ResultSet rs) -> {
                    Row row = rows.get(rs.getLong("rule_id"));
                    if (row != null) {
                        row.conditions.add(new PostmasterCondition(Field.valueOf(rs.getString("field")),
                                rs.getString("header_name"), Operator.valueOf(rs.getString("operator")),
                                rs.getString("match_value")));
                    }
                });
        jdbc.sql("select a.rule_id, a.kind, a.argument from postmaster_rule_action a"
                        + " join postmaster_rule r on r.id = a.rule_id " + where + " order by a.rule_id, a.ordinal")
                .params(parameters).query((ResultSet rs) -> {
                    Row row = rows.get(rs.getLong("rule_id"));
                    if (row != null) {
                        row.actions.add(new PostmasterAction(Kind.valueOf(rs.getString("kind")),
                                rs.getString("argument")));
                    }
                });
        return rows.values().stream().map(Row::view).toList();
    }

    private static final class Row {

        final long id;
        final int position;
        final String name;
        final boolean enabled;
        final boolean stopAfter;
        final OffsetDateTime createdAt;
        final OffsetDateTime updatedAt;
        final List<PostmasterCondition> conditions = new ArrayList<>();
        final List<PostmasterAction> actions = new ArrayList<>();

        Row(ResultSet rs) throws SQLException {
            this.id = rs.getLong("id");
            this.position = rs.getInt("position");
            this.name = rs.getString("name");
            this.enabled = rs.getBoolean("enabled");
            this.stopAfter = rs.getBoolean("stop_after");
            this.createdAt = rs.getObject("created_at", OffsetDateTime.class);
            this.updatedAt = rs.getObject("updated_at", OffsetDateTime.class);
        }

        PostmasterRuleView view() {
            return new PostmasterRuleView(new PostmasterRuleId(id), position, name, enabled, stopAfter, conditions,
                    actions, createdAt.toInstant(), updatedAt.toInstant());
        }
    }
}
