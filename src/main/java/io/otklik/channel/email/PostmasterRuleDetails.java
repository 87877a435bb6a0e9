package io.otklik.channel.email;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import io.otklik.channel.email.PostmasterAction.Kind;
import io.otklik.channel.email.PostmasterCondition.Field;
import io.otklik.channel.email.PostmasterCondition.Operator;

/**
 * A postmaster rule as an administrator writes it: its name, whether it is on, whether the rules after it are
 * skipped when it matches, what it looks for (all conditions must match) and what it then does.
 * {@link #problems()} tells what is wrong with it, without looking anything up.
 */
public record PostmasterRuleDetails(String name, boolean enabled, boolean stopAfter,
        List<PostmasterCondition> conditions, List<PostmasterAction> actions) {

    public static final int MAX_NAME = 200;
    public static final int MAX_VALUE = 1000;
    public static final int MAX_HEADER = 200;
    public static final int MAX_CONDITIONS = 20;
    /** As on tickets. */
    public static final int MAX_TAGS = 30;
    public static final int MAX_TAG = 60;

    /** A header's name as RFC 5322 allows it: printable characters except the colon. */
    private static final Pattern HEADER_NAME = Pattern.compile("[!-9;-~]+");

    public PostmasterRuleDetails {
        name = name == null ? "" : name.strip();
        conditions = List.copyOf(conditions);
        actions = normalized(actions);
    }

    /**
     * What is wrong, each problem with the field it belongs to: {@code name}, {@code conditions},
     * {@code conditions[i].header}, {@code conditions[i].value}, {@code actions}, {@code actions[i]}. Empty when
     * the rule can be saved, as far as can be told without looking up teams and categories.
     */
    public List<PostmasterRuleProblem> problems() {
        List<PostmasterRuleProblem> problems = new ArrayList<>();
        if (name.isEmpty()) {
            problems.add(new PostmasterRuleProblem("name", "postmaster.name-required"));
        } else if (name.length() > MAX_NAME) {
            problems.add(new PostmasterRuleProblem("name", "postmaster.too-long", MAX_NAME));
        }
        if (conditions.isEmpty()) {
            problems.add(new PostmasterRuleProblem("conditions", "postmaster.conditions-required"));
        } else if (conditions.size() > MAX_CONDITIONS) {
            problems.add(new PostmasterRuleProblem("conditions", "postmaster.too-many-conditions", MAX_CONDITIONS));
        }
        for (int i = 0; i < conditions.size(); i++) {
            condition(conditions.get(i), "conditions[" + i + "]", problems);
        }
        if (actions.isEmpty()) {
            problems.add(new PostmasterRuleProblem("actions", "postmaster.actions-required"));
        }
        Map<Kind, Integer> seen = new EnumMap<>(Kind.class);
        int tags = 0;
        for (int i = 0; i < actions.size(); i++) {
            PostmasterAction action = actions.get(i);
            String at = "actions[" + i + "]";
            if (action.kind() == null) {
                problems.add(new PostmasterRuleProblem(at, "postmaster.action-required"));
                continue;
            }
            int times = seen.merge(action.kind(), 1, Integer::sum);
            switch (action.kind()) {
                case DROP -> {
                    if (actions.size() > 1) {
                        problems.add(new PostmasterRuleProblem(at, "postmaster.drop-alone"));
                    }
                }
                case TAG -> {
                    tags++;
                    if (action.argument().isEmpty()) {
                        problems.add(new PostmasterRuleProblem(at, "postmaster.tag-required"));
                    } else if (action.argument().length() > MAX_TAG) {
                        problems.add(new PostmasterRuleProblem(at, "postmaster.tag-too-long", MAX_TAG));
                    }
                }
                case ROUTE_TEAM -> {
                    if (action.id() == null) {
                        problems.add(new PostmasterRuleProblem(at, "postmaster.team-unknown", action.argument()));
                    }
                }
                case SET_CATEGORY -> {
                    if (action.id() == null) {
                        problems.add(new PostmasterRuleProblem(at, "postmaster.category-unknown",
                                action.argument()));
                    }
                }
                case SET_PRIORITY -> {
                    if (action.priority() == null) {
                        problems.add(new PostmasterRuleProblem(at, "postmaster.priority-unknown",
                                action.argument()));
                    }
                }
            }
            if (times > 1 && action.kind() != Kind.TAG) {
                problems.add(new PostmasterRuleProblem(at, "postmaster.action-repeated"));
            }
        }
        if (tags > MAX_TAGS) {
            problems.add(new PostmasterRuleProblem("actions", "postmaster.too-many-tags", MAX_TAGS));
        }
        return problems;
    }

    private static void condition(PostmasterCondition condition, String at, List<PostmasterRuleProblem> problems) {
        if (condition.field() == null) {
            problems.add(new PostmasterRuleProblem(at + ".field", "postmaster.field-required"));
        } else if (condition.field() == Field.HEADER) {
            if (condition.header().isEmpty()) {
                problems.add(new PostmasterRuleProblem(at + ".header", "postmaster.header-required"));
            } else if (condition.header().length() > MAX_HEADER
                    || !HEADER_NAME.matcher(condition.header()).matches()) {
                problems.add(new PostmasterRuleProblem(at + ".header", "postmaster.header-invalid"));
            }
        } else if (!condition.header().isEmpty()) {
            problems.add(new PostmasterRuleProblem(at + ".header", "postmaster.header-unused"));
        }
        if (condition.operator() == null) {
            problems.add(new PostmasterRuleProblem(at + ".operator", "postmaster.operator-required"));
        }
        if (condition.value().isEmpty()) {
            problems.add(new PostmasterRuleProblem(at + ".value", "postmaster.value-required"));
        } else if (condition.value().length() > MAX_VALUE) {
            problems.add(new PostmasterRuleProblem(at + ".value", "postmaster.too-long", MAX_VALUE));
        } else if (condition.operator() == Operator.MATCHES) {
            try {
                pattern(condition.value());
            } catch (PatternSyntaxException e) {
                problems.add(e.getIndex() >= 0
                        ? new PostmasterRuleProblem(at + ".value", "postmaster.regex-invalid-at", e.getDescription(),
                                e.getIndex() + 1)
                        : new PostmasterRuleProblem(at + ".value", "postmaster.regex-invalid", e.getDescription()));
            }
        }
    }

    /** A condition's regular expression as it is matched: ignoring case, also outside ASCII. */
    static Pattern pattern(String regex) {
        return Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /** A tag as tickets keep it: lower case, inner spaces as dashes. */
    static String tag(String text) {
        return text == null ? "" : text.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", "-");
    }

    /** Tags written as tickets keep them, each once. */
    private static List<PostmasterAction> normalized(List<PostmasterAction> actions) {
        List<PostmasterAction> result = new ArrayList<>(actions.size());
        Set<String> tags = new LinkedHashSet<>();
        for (PostmasterAction action : actions) {
            if (action.kind() == Kind.TAG) {
                String tag = tag(action.argument());
                if (tag.isEmpty() || tags.add(tag)) {
                    result.add(PostmasterAction.tag(tag));
                }
            } else {
                result.add(action);
            }
        }
        return List.copyOf(result);
    }
}
