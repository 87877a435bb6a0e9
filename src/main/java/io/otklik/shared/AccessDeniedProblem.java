package io.otklik.shared;

/** The caller is known but their role does not allow the action (403). */
public class AccessDeniedProblem extends LocalizedException {

    public AccessDeniedProblem(String code, Object... arguments) {
        super(code, arguments);
    }

    @Override
    public int status() {
        return 403;
    }
}
