package io.otklik.channel.email;

/**
 * What "Test outgoing connection" found: which way the mailbox's mail leaves ({@code way}), the server
 * ({@code host:port}), whether it signed in, or the problem in words a page can name, with the server's own text.
 * Nothing is sent.
 */
public record SmtpCheck(ConnectionCheck.Problem problem, Way way, String server, boolean signedIn, String detail) {

    /** Through the mailbox's own SMTP server, the global one, or the running sandbox (the sandbox account). */
    public enum Way {
        OWN, GLOBAL, SANDBOX
    }

    static SmtpCheck succeeded(Way way, String server, boolean signedIn) {
        return new SmtpCheck(null, way, server, signedIn, null);
    }

    static SmtpCheck failed(ConnectionCheck.Problem problem, Way way, String server, String detail) {
        return new SmtpCheck(problem, way, server, false, detail);
    }

    public boolean ok() {
        return problem == null;
    }
}
