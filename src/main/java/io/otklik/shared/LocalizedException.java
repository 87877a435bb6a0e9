package io.otklik.shared;

import java.util.Locale;

import org.springframework.context.MessageSource;

/**
 * A failure the user should read: carries a message-bundle code and its arguments, so pages and the API
 * say it in the user's language.
 */
public abstract class LocalizedException extends RuntimeException {

    private final String code;
    private final transient Object[] arguments;

    protected LocalizedException(String code, Object... arguments) {
        super(code);
        this.code = code;
        this.arguments = arguments;
    }

    public String code() {
        return code;
    }

    /** The HTTP status pages and the API answer this failure with. */
    public abstract int status();

    public Object[] arguments() {
        return arguments.clone();
    }

    /**
     * The message in the given language; enum arguments are shown by their {@code enum.<Type>.<NAME>} text, whole
     * numbers (ticket numbers, ids, limits) as plain digits, never grouped like "1 042" or "1,042".
     */
    public String message(MessageSource messages, Locale locale) {
        Object[] shown = new Object[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
            shown[i] = switch (arguments[i]) {
                case Enum<?> e -> messages.getMessage("enum." + e.getDeclaringClass().getSimpleName() + "." + e.name(),
                        null, e.name(), locale);
                case Long number -> number.toString();
                case Integer number -> number.toString();
                case null, default -> arguments[i];
            };
        }
        return messages.getMessage(code, shown, code, locale);
    }
}
