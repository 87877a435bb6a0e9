package io.otklik.channel.email.web;

import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import io.otklik.channel.email.PostmasterAction;
import io.otklik.channel.email.PostmasterCondition;
import io.otklik.channel.email.PostmasterCondition.Field;
import io.otklik.channel.email.PostmasterCondition.Operator;
import io.otklik.channel.email.PostmasterRuleDetails;
import io.otklik.channel.email.PostmasterRuleView;

/**
 * The form of a postmaster rule: a fixed number of condition rows (blank rows, with neither a value nor a header
 * name, are left out) and one field per kind of action. Tags are written separated by commas; team, category and
 * priority are kept as chosen (an id, a name), so a stale choice is reported rather than refused by binding.
 */
record PostmasterRuleForm(
        @NotBlank(message = "{postmaster.name-required}")
        @Size(max = PostmasterRuleDetails.MAX_NAME, message = "{postmaster.form.too-long}") String name,
        Boolean enabled,
        Boolean stopAfter,
        List<Row> conditions,
        Boolean drop,
        String tags,
        String team,
        String category,
        String priority) {

    /** How many condition rows the form offers (more when a saved rule has more). */
    static final int ROWS = 4;

    PostmasterRuleForm {
        conditions = conditions == null ? new ArrayList<>() : new ArrayList<>(conditions);
        conditions.replaceAll(row -> row == null ? Row.blank() : row);
        while (conditions.size() < ROWS) {
            conditions.add(Row.blank());
        }
    }

    /** One condition row. */
    record Row(Field field, String header, Operator operator, String value) {

        static Row blank() {
            return new Row(Field.SUBJECT, "", Operator.CONTAINS, "");
        }

        boolean isBlank() {
            return (value == null || value.isBlank()) && (header == null || header.isBlank());
        }
    }

    static PostmasterRuleForm blank() {
        return new PostmasterRuleForm("", true, false, List.of(), false, "", "", "", "");
    }

    static PostmasterRuleForm of(PostmasterRuleView rule) {
        List<Row> rows = rule.conditions().stream()
                .map(c -> new Row(c.field(), c.header(), c.operator(), c.value())).toList();
        List<String> tags = new ArrayList<>();
        boolean drop = false;
        String team = "";
        String category = "";
        String priority = "";
        for (PostmasterAction action : rule.actions()) {
            switch (action.kind()) {
                case DROP -> drop = true;
                case TAG -> tags.add(action.argument());
                case ROUTE_TEAM -> team = action.argument();
                case SET_CATEGORY -> category = action.argument();
                case SET_PRIORITY -> priority = action.argument();
            }
        }
        return new PostmasterRuleForm(rule.name(), rule.enabled(), rule.stopAfter(), rows, drop,
                String.join(", ", tags), team, category, priority);
    }

    /** The rule as written; {@link #conditionRow(int)} tells which row each of its conditions came from. */
    PostmasterRuleDetails details() {
        List<PostmasterCondition> written = new ArrayList<>();
        for (Row row : conditions) {
            if (!row.isBlank()) {
                written.add(new PostmasterCondition(row.field(), row.header(), row.operator(), row.value()));
            }
        }
        List<PostmasterAction> actions = new ArrayList<>();
        if (Boolean.TRUE.equals(drop)) {
            actions.add(PostmasterAction.drop());
        }
        if (tags != null) {
            for (String tag : tags.split(",")) {
                if (!tag.isBlank()) {
                    actions.add(PostmasterAction.tag(tag));
                }
            }
        }
        if (team != null && !team.isBlank()) {
            actions.add(new PostmasterAction(PostmasterAction.Kind.ROUTE_TEAM, team));
        }
        if (category != null && !category.isBlank()) {
            actions.add(new PostmasterAction(PostmasterAction.Kind.SET_CATEGORY, category));
        }
        if (priority != null && !priority.isBlank()) {
            actions.add(new PostmasterAction(PostmasterAction.Kind.SET_PRIORITY, priority));
        }
        return new PostmasterRuleDetails(name, Boolean.TRUE.equals(enabled), Boolean.TRUE.equals(stopAfter),
                written, actions);
    }

    /** The form row the n-th written condition came from. */
    int conditionRow(int condition) {
        int seen = -1;
        for (int row = 0; row < conditions.size(); row++) {
            if (!conditions.get(row).isBlank() && ++seen == condition) {
                return row;
            }
        }
        return 0;
    }

    /** The form field an action of this kind came from. */
    static String fieldOf(PostmasterAction.Kind kind) {
        return switch (kind) {
            case DROP -> "drop";
            case TAG -> "tags";
            case ROUTE_TEAM -> "team";
            case SET_CATEGORY -> "category";
            case SET_PRIORITY -> "priority";
        };
    }
}
