package io.otklik.channel.email;

/**
 * What "Test connection" found: the folder's message count and whether the server offers IMAP IDLE (so new mail
 * is pushed rather than polled for), or the problem, in words a page can name, with the server's own text.
 */
public record ConnectionCheck(Problem problem, int messageCount, boolean idle, String detail) {

    /** Why a connection failed, for the page's plain words ({@code mail-account.test.problem.<name>}). */
    public enum Problem {
        UNKNOWN_HOST, REFUSED, TIMEOUT, AUTHENTICATION, NO_SUCH_FOLDER, TLS, NO_SANDBOX, UNREADABLE_PASSWORD, OTHER
    }

    static ConnectionCheck succeeded(int messageCount, boolean idle) {
        return new ConnectionCheck(null, messageCount, idle, null);
    }

    static ConnectionCheck failed(Problem problem, String detail) {
        return new ConnectionCheck(problem, 0, false, detail);
    }

    public boolean ok() {
        return problem == null;
    }
}
