package io.otklik.shared;

/** Someone else changed the same thing first; the caller must reload and try again (409). */
public class ConflictException extends LocalizedException {

    public ConflictException(String code, Object... arguments) {
        super(code, arguments);
    }

    @Override
    public int status() {
        return 409;
    }
}
