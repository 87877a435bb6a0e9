package io.otklik.sla;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.otklik.agent.TeamId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Escalation rules in {@code sla_escalation_rule}, and which policies got the default rules. Read straight from the
 * table each time they are needed: it is small, and the clocks' schedule must follow a change at once on every node.
 */
@Component
class EscalationRuleRows {

    /** Rules in the order they are shown: by target, share of the target, action. */
    static final Comparator<EscalationRule> ORDER = Comparator.comparing(EscalationRule::target)
            .thenComparingInt(EscalationRule::atPercent).thenComparing(EscalationRule::action)
            .thenComparingLong(rule -> rule.id().value());

    private static final String COLUMNS = "id, policy_id, target, at_percent, action, team_id, enabled";

    private final JdbcClient jdbc;

    EscalationRuleRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A policy's rules, switched off ones too, in {@link #ORDER}. */
    List<EscalationRule> of(SlaPolicyId policy) {
        return jdbc.sql("select " + COLUMNS + " from sla_escalation_rule where policy_id = :policy")
                .param("policy", policy.value()).query(EscalationRuleRows::rule).list().stream().sorted(ORDER)
                .toList();
    }

    /** The rules switched on, by policy. */
    Map<SlaPolicyId, List<EscalationRule>> enabled() {
        Map<SlaPolicyId, List<EscalationRule>> byPolicy = new LinkedHashMap<>();
        jdbc.sql("select " + COLUMNS + " from sla_escalation_rule where enabled").query(EscalationRuleRows::rule)
                .list().stream().sorted(ORDER)
                .forEach(rule -> byPolicy.computeIfAbsent(rule.policy(), p -> new java.util.ArrayList<>()).add(rule));
        return byPolicy;
    }

    Optional<EscalationRule> one(EscalationRuleId id) {
        return jdbc.sql("select " + COLUMNS + " from sla_escalation_rule where id = :id").param("id", id.value())
                .query(EscalationRuleRows::rule).optional();
    }

    EscalationRuleId insert(SlaPolicyId policy, EscalationRuleDetails rule, boolean enabled, Instant now) {
        long id = jdbc.sql("select nextval('sla_escalation_rule_seq')").query(Long.class).single();
        jdbc.sql("""
                insert into sla_escalation_rule (id, policy_id, target, at_percent, action, team_id, enabled,
                                                 created_at)
                values (:id, :policy, :target, :percent, :action, :team, :enabled, :now)""")
                .param("id", id).param("policy", policy.value()).param("target", rule.target().name())
                .param("percent", rule.atPercent()).param("action", rule.action().name())
                .param("team", rule.team() == null ? null : rule.team().value()).param("enabled", enabled)
                .param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).update();
        return new EscalationRuleId(id);
    }

    void enable(EscalationRuleId id, boolean enabled) {
        jdbc.sql("update sla_escalation_rule set enabled = :enabled where id = :id").param("enabled", enabled)
                .param("id", id.value()).update();
    }

    void delete(EscalationRuleId id) {
        jdbc.sql("delete from sla_escalation_rule where id = :id").param("id", id.value()).update();
    }

    /** Takes the policy's row for this transaction, so that two changes of its rules take turns. */
    void lockPolicy(SlaPolicyId policy) {
        jdbc.sql("select id from sla_policy where id = :id for update").param("id", policy.value()).query(Long.class)
                .optional();
    }

    /** Records that the policy got its default rules; {@code false} when it already had. */
    boolean markDefaultsMade(SlaPolicyId policy) {
        return jdbc.sql("insert into sla_escalation_defaults (policy_id) values (:policy) on conflict do nothing")
                .param("policy", policy.value()).update() == 1;
    }

    private static EscalationRule rule(ResultSet rs, int n) throws SQLException {
        Long team = rs.getObject("team_id", Long.class);
        return new EscalationRule(new EscalationRuleId(rs.getLong("id")), new SlaPolicyId(rs.getLong("policy_id")),
                ClockTarget.valueOf(rs.getString("target")), rs.getInt("at_percent"),
                EscalationAction.valueOf(rs.getString("action")), team == null ? null : new TeamId(team),
                rs.getBoolean("enabled"));
    }
}
