package io.otklik.channel.email;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Outgoing mail: the support address mails come from ({@code from}, e.g. {@code Служба поддержки <support@…>}) and
 * where replies go ({@code replyTo}, the same by default); the SMTP server; the sandbox mail server used when no
 * SMTP server is configured.
 */
@ConfigurationProperties("otklik.mail")
public record MailSettings(String from, String replyTo, Smtp smtp, Sandbox sandbox) {

    public static final String DEFAULT_FROM = "Служба поддержки Otklik <support@otklik.local>";

    public MailSettings {
        if (from == null || from.isBlank()) {
            from = DEFAULT_FROM;
        }
        if (replyTo == null || replyTo.isBlank()) {
            replyTo = from;
        }
        if (smtp == null) {
            smtp = new Smtp(null, 0, null, null, null, null);
        }
        if (sandbox == null) {
            sandbox = new Sandbox(null, null, 0, 0, null, null, 0);
        }
    }

    /**
     * The SMTP server. {@code tls}: {@code starttls} (the default: upgrade and insist), {@code ssl} (TLS from the
     * first byte, usually port 465) or {@code none}. {@code timeout} bounds connecting and each read and write.
     */
    public record Smtp(String host, int port, String username, String password, String tls, Duration timeout) {

        public Smtp {
            host = host == null || host.isBlank() ? null : host.strip();
            if (port <= 0) {
                port = 587;
            }
            tls = tls == null || tls.isBlank() ? "starttls" : tls.strip().toLowerCase(java.util.Locale.ROOT);
            if (timeout == null || timeout.isNegative() || timeout.isZero()) {
                timeout = Duration.ofSeconds(30);
            }
        }

        public boolean configured() {
            return host != null;
        }
    }

    /**
     * The sandbox mail server inside the application. {@code enabled} unset means: on unless an SMTP host is
     * configured. Ports 0 take free ones (tests). {@code mailbox} is the support mailbox (login = address) that
     * inbound mail is read from; {@code keep} is how many received mails its page keeps.
     */
    public record Sandbox(Boolean enabled, String host, int smtpPort, int imapPort, String mailbox, String password,
            int keep) {

        public Sandbox {
            host = host == null || host.isBlank() ? "127.0.0.1" : host.strip();
            smtpPort = Math.max(0, smtpPort);
            imapPort = Math.max(0, imapPort);
            mailbox = mailbox == null || mailbox.isBlank() ? "support@otklik.local" : mailbox.strip();
            password = password == null || password.isBlank() ? "otklik-sandbox" : password;
            if (keep <= 0) {
                keep = 1000;
            }
        }
    }
}
