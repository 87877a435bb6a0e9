package io.otklik.shared;

/** An upload above the configured limit (413). */
public class PayloadTooLargeException extends LocalizedException {

    public PayloadTooLargeException(String code, Object... arguments) {
        super(code, arguments);
    }

    @Override
    public int status() {
        return 413;
    }
}
