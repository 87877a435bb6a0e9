package io.otklik.customer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import io.otklik.shared.RuleViolationException;

/** What a custom field holds, and how a value typed by a person is checked and written down. */
public enum CustomFieldType {
    TEXT, NUMBER, DATE, CHOICE;

    public static final int MAX_VALUE_LENGTH = 1000;

    private static final Pattern NUMBER_SHAPE = Pattern.compile("[-+]?\\d+(\\.\\d+)?");
    private static final DateTimeFormatter RUSSIAN_DATE = DateTimeFormatter.ofPattern("dd.MM.uuuu")
            .withResolverStyle(ResolverStyle.STRICT);

    /**
     * The value in its stored form: numbers as plain decimals ("1 500,5" → "1500.5"), dates as yyyy-mm-dd (also
     * typed as dd.mm.yyyy), a choice as the option's own text. Blank means no value ({@code null}).
     *
     * @throws RuleViolationException when the text is not a value of this type
     */
    public String canonical(String typed, List<String> options) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        String value = typed.strip();
        return switch (this) {
            case TEXT -> {
                if (value.length() > MAX_VALUE_LENGTH) {
                    throw new RuleViolationException("customer.field.too-long");
                }
                yield value;
            }
            case NUMBER -> {
                String number = value.replaceAll("[\\s\\u00a0\\u202f]", "").replace(',', '.');
                if (!NUMBER_SHAPE.matcher(number).matches() || number.length() > 40) {
                    throw new RuleViolationException("customer.field.not-a-number");
                }
                yield new BigDecimal(number).toPlainString();
            }
            case DATE -> date(value).toString();
            case CHOICE -> options.stream().filter(option -> option.equals(value)).findFirst()
                    .or(() -> options.stream().filter(option -> option.toLowerCase(Locale.ROOT)
                            .equals(value.toLowerCase(Locale.ROOT))).findFirst())
                    .orElseThrow(() -> new RuleViolationException("customer.field.not-an-option",
                            String.join(", ", options)));
        };
    }

    private static LocalDate date(String value) {
        try {
            return value.contains(".") ? LocalDate.parse(value, RUSSIAN_DATE) : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new RuleViolationException("customer.field.not-a-date");
        }
    }
}
