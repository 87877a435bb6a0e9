package io.otklik.channel.email;

import java.time.Duration;

/**
 * Settings of a mailbox as an administrator enters them. {@code password} null or empty keeps the saved one.
 * For the sandbox account only name, address, folder, interval, the enabled flag and {@code sendsReplies} are
 * taken. {@code sendsReplies}: replies on the mailbox's tickets leave From its address (else From the global
 * support address, as mail without a mailbox does); {@code smtp}: its own SMTP server, or null to send through the
 * global one.
 */
public record MailAccountDetails(String name, String address, String host, int port, MailSecurity security,
        String username, String password, String folder, Duration pollInterval, boolean enabled,
        boolean sendsReplies, SmtpDetails smtp) {

    public static final Duration MIN_POLL_INTERVAL = Duration.ofSeconds(10);

    /** A mailbox whose replies leave From its address through the global SMTP server. */
    public MailAccountDetails(String name, String address, String host, int port, MailSecurity security,
            String username, String password, String folder, Duration pollInterval, boolean enabled) {
        this(name, address, host, port, security, username, password, folder, pollInterval, enabled, true, null);
    }

    public MailAccountDetails {
        if (smtp != null && smtp.host().isEmpty()) {
            smtp = null;
        }
    }

    public boolean keepsPassword() {
        return password == null || password.isEmpty();
    }

    /** The same settings with the IMAP password given (a saved one, for a connection test). */
    MailAccountDetails withPassword(String password) {
        return new MailAccountDetails(name, address, host, port, security, username, password, folder, pollInterval,
                enabled, sendsReplies, smtp);
    }

    @Override
    public String toString() {
        return "MailAccountDetails[" + name + ", " + username + "@" + host + ":" + port
                + (smtp == null ? "" : ", " + smtp) + "]";
    }
}
