package io.otklik.channel.email;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import io.otklik.channel.InboundAddress;
import io.otklik.channel.InboundMessage;
import io.otklik.channel.email.PostmasterCondition.Field;
import io.otklik.channel.email.PostmasterCondition.Operator;
import io.otklik.channel.email.PostmasterTrial.Result;
import io.otklik.channel.email.PostmasterTrial.RuleOutcome;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Postmaster rules made ready to apply: regular expressions compiled once, texts lower-cased once. Applying them
 * does no I/O; each mail's fields are lower-cased only when a rule asks for them, and only once. A regular
 * expression that takes too long on a mail (catastrophic backtracking) counts as not matching it.
 */
final class PostmasterRuleBook {

    private static final Logger log = LoggerFactory.getLogger(PostmasterRuleBook.class);

    static final PostmasterRuleBook EMPTY = new PostmasterRuleBook(List.of());

    private final List<Compiled> rules;

    private PostmasterRuleBook(List<Compiled> rules) {
        this.rules = rules;
    }

    /** The rules, in the order given. */
    boolean isEmpty() {
        return rules.isEmpty();
    }

    static PostmasterRuleBook of(List<PostmasterRuleView> rules) {
        return new PostmasterRuleBook(rules.stream().map(Compiled::new).toList());
    }

    int size() {
        return rules.size();
    }

    /** The enabled rules applied in order: later single values replace earlier ones, a stopping rule ends it. */
    PostmasterDecision decide(InboundMessage message, Map<String, List<String>> headers) {
        Mail mail = new Mail(message, headers);
        PostmasterDecision.Builder decision = new PostmasterDecision.Builder();
        for (Compiled rule : rules) {
            if (rule.view.enabled() && rule.matches(mail)) {
                decision.apply(rule.view.name(), rule.view.actions());
                if (rule.view.stopAfter()) {
                    break;
                }
            }
        }
        return decision.build();
    }

    /** As {@link #decide}, telling what became of every rule and each of its conditions. */
    PostmasterTrial trace(InboundMessage message, Map<String, List<String>> headers) {
        Mail mail = new Mail(message, headers);
        PostmasterDecision.Builder decision = new PostmasterDecision.Builder();
        List<RuleOutcome> outcomes = new ArrayList<>();
        boolean stopped = false;
        for (Compiled rule : rules) {
            List<Boolean> held = rule.conditions.stream().map(condition -> condition.test(mail, rule)).toList();
            boolean all = !held.contains(false);
            Result result;
            if (!rule.view.enabled()) {
                result = Result.DISABLED;
            } else if (stopped) {
                result = Result.NOT_REACHED;
            } else if (all) {
                result = Result.MATCHED;
                decision.apply(rule.view.name(), rule.view.actions());
                stopped = rule.view.stopAfter();
            } else {
                result = Result.NOT_MATCHED;
            }
            outcomes.add(new RuleOutcome(rule.view, result, held));
        }
        return new PostmasterTrial(message, outcomes, decision.build());
    }

    private static final class Compiled {

        final PostmasterRuleView view;
        final List<Test> conditions;

        Compiled(PostmasterRuleView view) {
            this.view = view;
            this.conditions = view.conditions().stream().map(Test::new).toList();
        }

        boolean matches(Mail mail) {
            if (conditions.isEmpty()) {
                return false;
            }
            for (Test condition : conditions) {
                if (!condition.test(mail, this)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** One condition, ready: the lower-cased text, or the compiled pattern (null when it does not compile). */
    private static final class Test {

        final Field field;
        final String header;
        final Operator operator;
        final String text;
        final Pattern pattern;

        Test(PostmasterCondition condition) {
            this.field = condition.field();
            this.header = condition.header().toLowerCase(Locale.ROOT);
            this.operator = condition.operator();
            this.text = condition.value().toLowerCase(Locale.ROOT);
            Pattern compiled = null;
            if (operator == Operator.MATCHES) {
                try {
                    compiled = PostmasterRuleDetails.pattern(condition.value());
                } catch (PatternSyntaxException e) {
                    compiled = null;
                }
            }
            this.pattern = compiled;
        }

        boolean test(Mail mail, Compiled rule) {
            if (field == null || operator == null || text.isEmpty()) {
                return false;
            }
            if (operator == Operator.MATCHES) {
                return pattern != null && found(mail.values(field, header), rule);
            }
            List<String> values = mail.lowered(field, header);
            if (operator == Operator.NOT_CONTAINS) {
                for (String value : values) {
                    if (value.contains(text)) {
                        return false;
                    }
                }
                return true;
            }
            for (String value : values) {
                boolean holds = switch (operator) {
                    case CONTAINS -> value.contains(text);
                    case EQUALS -> value.equals(text);
                    case STARTS_WITH -> value.startsWith(text);
                    case ENDS_WITH -> value.endsWith(text);
                    default -> false;
                };
                if (holds) {
                    return true;
                }
            }
            return false;
        }

        private boolean found(List<String> values, Compiled rule) {
            for (String value : values) {
                try {
                    if (pattern.matcher(new Budgeted(value)).find()) {
                        return true;
                    }
                } catch (Budgeted.Exhausted e) {
                    log.warn("Postmaster rule \"{}\": the regular expression {} took too long on a {} of {} "
                            + "characters; counted as not matching", rule.view.name(), pattern.pattern(), field,
                            value.length());
                }
            }
            return false;
        }
    }

    /** A mail's fields as conditions see them: stripped, blank ones left out, lower-cased on first use. */
    private static final class Mail {

        private final InboundMessage message;
        private final Map<String, List<String>> headers;
        private final List<?>[] values = new List<?>[Field.values().length];
        private final List<?>[] lowered = new List<?>[Field.values().length];
        private Map<String, List<String>> headerValues;
        private Map<String, List<String>> headersLowered;

        Mail(InboundMessage message, Map<String, List<String>> headers) {
            this.message = message;
            this.headers = headers == null ? Map.of() : headers;
        }

        @SuppressWarnings("unchecked")
        List<String> values(Field field, String header) {
            if (field == Field.HEADER) {
                if (headerValues == null) {
                    headerValues = new HashMap<>();
                }
                return headerValues.computeIfAbsent(header, name -> read(field, name));
            }
            List<String> found = (List<String>) values[field.ordinal()];
            if (found == null) {
                found = read(field, header);
                values[field.ordinal()] = found;
            }
            return found;
        }

        @SuppressWarnings("unchecked")
        List<String> lowered(Field field, String header) {
            if (field == Field.HEADER) {
                if (headersLowered == null) {
                    headersLowered = new HashMap<>();
                }
                return headersLowered.computeIfAbsent(header, name -> lower(values(field, name)));
            }
            List<String> found = (List<String>) lowered[field.ordinal()];
            if (found == null) {
                found = lower(values(field, header));
                lowered[field.ordinal()] = found;
            }
            return found;
        }

        private static List<String> lower(List<String> values) {
            List<String> result = new ArrayList<>(values.size());
            for (String value : values) {
                result.add(value.toLowerCase(Locale.ROOT));
            }
            return result;
        }

        private List<String> read(Field field, String header) {
            List<String> result = new ArrayList<>(2);
            switch (field) {
                case FROM -> address(message.from(), result);
                case TO -> message.to().forEach(address -> address(address, result));
                case CC -> message.cc().forEach(address -> address(address, result));
                case SUBJECT -> add(message.subject(), result);
                case BODY -> add(message.text(), result);
                case HEADER -> header(header).forEach(value -> add(value, result));
            }
            return result;
        }

        private List<String> header(String name) {
            List<String> found = headers.get(name);
            if (found == null) {
                for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
                    if (entry.getKey().equalsIgnoreCase(name)) {
                        return entry.getValue() == null ? List.of() : entry.getValue();
                    }
                }
            }
            return found == null ? List.of() : found;
        }

        private static void address(InboundAddress address, List<String> result) {
            if (address != null) {
                add(address.address(), result);
                add(address.name(), result);
            }
        }

        private static void add(String value, List<String> result) {
            if (value != null && !value.isBlank()) {
                result.add(value.strip());
            }
        }
    }

    /**
     * Text for a regular expression with a bound on how many characters it may read: a hundred passes over the
     * text and a million more, plenty for any sane expression and a few milliseconds at worst.
     */
    private static final class Budgeted implements CharSequence {

        private final CharSequence text;
        private final long[] left;

        Budgeted(String text) {
            this(text, new long[] {1_000_000L + 100L * text.length()});
        }

        private Budgeted(CharSequence text, long[] left) {
            this.text = text;
            this.left = left;
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public char charAt(int index) {
            if (--left[0] < 0) {
                throw new Exhausted();
            }
            return text.charAt(index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new Budgeted(text.subSequence(start, end), left);
        }

        @Override
        public String toString() {
            return text.toString();
        }

        static final class Exhausted extends RuntimeException {

            Exhausted() {
                super(null, null, false, false);
            }
        }
    }
}
