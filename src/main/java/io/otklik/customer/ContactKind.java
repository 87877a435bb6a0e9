package io.otklik.customer;

import java.util.Locale;
import java.util.regex.Pattern;

import io.otklik.shared.RuleViolationException;

/**
 * The kinds of address a customer can be reached at, and how each is written down: emails in lower case, phones as
 * their digits (with a leading "+" when one was written), messenger ids as given.
 */
public enum ContactKind {
    EMAIL, PHONE, TELEGRAM, VK;

    /** Longest address we keep, of any kind (the longest valid email). */
    public static final int MAX_LENGTH = 320;

    private static final Pattern EMAIL_SHAPE = Pattern.compile("[^@\\s]+@[^@\\s]+");
    private static final Pattern PHONE_SHAPE = Pattern.compile("\\+?[0-9 ()\\-.]+");
    private static final int MIN_PHONE_DIGITS = 5;
    private static final int MAX_PHONE_DIGITS = 20;

    /** The address as it is stored and compared, or {@code null} when nothing usable was given. */
    public String normalize(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String value = raw.strip();
        return switch (this) {
            case EMAIL -> value.toLowerCase(Locale.ROOT);
            case PHONE -> {
                String digits = value.replaceAll("[^0-9]", "");
                yield digits.isEmpty() ? null : (value.startsWith("+") ? "+" : "") + digits;
            }
            case TELEGRAM, VK -> value;
        };
    }

    /** The normalized address, refusing what cannot be one of this kind. */
    public String checked(String raw) {
        String value = normalize(raw);
        if (value == null) {
            throw new RuleViolationException("customer.contact.required");
        }
        boolean valid = switch (this) {
            case EMAIL -> EMAIL_SHAPE.matcher(value).matches();
            case PHONE -> PHONE_SHAPE.matcher(raw.strip()).matches() && digits(value) >= MIN_PHONE_DIGITS
                    && digits(value) <= MAX_PHONE_DIGITS;
            case TELEGRAM, VK -> !value.contains(" ") && !value.contains("\t");
        };
        if (!valid) {
            throw new RuleViolationException("customer.contact.invalid." + name().toLowerCase(Locale.ROOT));
        }
        if (value.length() > MAX_LENGTH) {
            throw new RuleViolationException("customer.contact.too-long");
        }
        return value;
    }

    private static int digits(String phone) {
        return phone.startsWith("+") ? phone.length() - 1 : phone.length();
    }
}
