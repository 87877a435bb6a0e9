package io.otklik.shared;

/** Something asked for does not exist, or the asker may not know that it does (answered as 404 alike). */
public class NotFoundException extends LocalizedException {

    public NotFoundException(String code, Object... arguments) {
        super(code, arguments);
    }

    @Override
    public int status() {
        return 404;
    }
}
