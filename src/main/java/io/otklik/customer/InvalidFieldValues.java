package io.otklik.customer;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import io.otklik.shared.RuleViolationException;

/** Values of custom fields that were refused, each with its reason, keyed by field key; nothing was saved. */
public class InvalidFieldValues extends RuleViolationException {

    private final transient Map<String, RuleViolationException> problems;

    public InvalidFieldValues(Map<String, RuleViolationException> problems) {
        super("customer.field.invalid");
        this.problems = new LinkedHashMap<>(problems);
    }

    public Map<String, RuleViolationException> problems() {
        return Collections.unmodifiableMap(problems);
    }
}
