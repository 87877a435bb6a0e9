package io.otklik.shared;

/** A request that is well-formed but breaks a business rule, such as an illegal status transition (422). */
public class RuleViolationException extends LocalizedException {

    public RuleViolationException(String code, Object... arguments) {
        super(code, arguments);
    }

    @Override
    public int status() {
        return 422;
    }
}
