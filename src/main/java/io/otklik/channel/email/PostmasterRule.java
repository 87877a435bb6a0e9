package io.otklik.channel.email;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.otklik.channel.email.PostmasterAction.Kind;
import io.otklik.channel.email.PostmasterCondition.Field;
import io.otklik.channel.email.PostmasterCondition.Operator;

/**
 * A postmaster rule as saved: its place in the order, its conditions and actions (in child tables, in the order
 * written). Rules are read for evaluation by {@link PostmasterRuleRows}; this is how they are written.
 */
@Entity
@Table(name = "postmaster_rule")
class PostmasterRule {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "postmaster_rule_seq")
    @SequenceGenerator(name = "postmaster_rule_seq", sequenceName = "postmaster_rule_seq", allocationSize = 50)
    private Long id;

    private int position;
    private String name;
    private boolean enabled;
    private boolean stopAfter;

    @ElementCollection
    @CollectionTable(name = "postmaster_rule_condition", joinColumns = @JoinColumn(name = "rule_id"))
    @OrderColumn(name = "ordinal")
    private List<ConditionColumns> conditions = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "postmaster_rule_action", joinColumns = @JoinColumn(name = "rule_id"))
    @OrderColumn(name = "ordinal")
    private List<ActionColumns> actions = new ArrayList<>();

    private Instant createdAt;
    private Instant updatedAt;
    @Version
    private long version;

    protected PostmasterRule() {
    }

    /** A new rule at the given place; the details must have no problems. */
    PostmasterRule(PostmasterRuleDetails details, int position, Instant now) {
        this.position = position;
        this.createdAt = now;
        change(details, now);
    }

    void change(PostmasterRuleDetails details, Instant now) {
        this.name = details.name();
        this.enabled = details.enabled();
        this.stopAfter = details.stopAfter();
        this.conditions.clear();
        details.conditions().forEach(condition -> conditions.add(new ConditionColumns(condition)));
        this.actions.clear();
        details.actions().forEach(action -> actions.add(new ActionColumns(action)));
        this.updatedAt = now;
    }

    void enable(boolean enabled, Instant now) {
        this.enabled = enabled;
        this.updatedAt = now;
    }

    void moveTo(int position, Instant now) {
        this.position = position;
        this.updatedAt = now;
    }

    PostmasterRuleId id() {
        return new PostmasterRuleId(id);
    }

    int position() {
        return position;
    }

    String name() {
        return name;
    }

    /** One condition's columns. */
    @Embeddable
    static class ConditionColumns {

        @Enumerated(EnumType.STRING)
        private Field field;
        private String headerName;
        @Enumerated(EnumType.STRING)
        private Operator operator;
        private String matchValue;

        protected ConditionColumns() {
        }

        ConditionColumns(PostmasterCondition condition) {
            this.field = condition.field();
            this.headerName = condition.header().isEmpty() ? null : condition.header();
            this.operator = condition.operator();
            this.matchValue = condition.value();
        }
    }

    /** One action's columns. */
    @Embeddable
    static class ActionColumns {

        @Enumerated(EnumType.STRING)
        @Column(name = "kind")
        private Kind kind;
        private String argument;

        protected ActionColumns() {
        }

        ActionColumns(PostmasterAction action) {
            this.kind = action.kind();
            this.argument = action.argument().isEmpty() ? null : action.argument();
        }
    }
}
