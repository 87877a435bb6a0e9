package io.otklik.channel.email;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

import javax.net.ssl.SSLException;

import jakarta.mail.AuthenticationFailedException;

/**
 * What "Test connection" found: the folder's message count and whether the server offers IMAP IDLE (so new mail
 * is pushed rather than polled for), or the problem, in words a page can name, with the server's own text.
 */
public record ConnectionCheck(Problem problem, int messageCount, boolean idle, String detail) {

    /**
     * Why a connection failed, for the page's plain words ({@code mail-account.test.problem.<name>}).
     * {@code NO_SMTP_SERVER}: mail would go through the global SMTP server, and none is configured or running.
     */
    public enum Problem {
        UNKNOWN_HOST, REFUSED, TIMEOUT, AUTHENTICATION, NO_SUCH_FOLDER, TLS, NO_SANDBOX, UNREADABLE_PASSWORD,
        NO_SMTP_SERVER, OTHER
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

    /** The plain reason behind a failure to connect or sign in, looking through its causes. */
    static Problem problemOf(Throwable e) {
        return problem(reasonOf(e));
    }

    /** The server's or the library's own words for that reason. */
    static String detailOf(Throwable e) {
        Throwable reason = reasonOf(e);
        String message = reason.getMessage();
        return message == null || message.isBlank() ? reason.getClass().getSimpleName() : message.strip();
    }

    /** The first cause a page can name, else the failure itself. */
    private static Throwable reasonOf(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (problem(cause) != Problem.OTHER) {
                return cause;
            }
        }
        return e;
    }

    private static Problem problem(Throwable cause) {
        if (cause instanceof UnknownHostException) {
            return Problem.UNKNOWN_HOST;
        }
        if (cause instanceof ConnectException || cause instanceof NoRouteToHostException) {
            return Problem.REFUSED;
        }
        if (cause instanceof SocketTimeoutException) {
            return Problem.TIMEOUT;
        }
        if (cause instanceof SSLException) {
            return Problem.TLS;
        }
        if (cause instanceof AuthenticationFailedException) {
            return Problem.AUTHENTICATION;
        }
        return Problem.OTHER;
    }
}
