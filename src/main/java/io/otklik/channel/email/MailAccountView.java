package io.otklik.channel.email;

import java.time.Duration;
import java.time.Instant;

/**
 * A mailbox as pages show it: its settings without the password (only whether one is saved) and its health as the
 * poller last recorded it. For the sandbox account host and port are those of the running sandbox, if any.
 * {@code sendsReplies}: replies on its tickets leave From its address; {@code smtp}: its own SMTP server, null when
 * it sends through the global one (always for the sandbox account, which sends through the running sandbox).
 */
public record MailAccountView(MailAccountId id, String name, String address, String host, int port,
        MailSecurity security, String username, boolean passwordSaved, String folder, Duration pollInterval,
        boolean enabled, boolean sandbox, Instant lastFetchAt, Instant lastSuccessAt, String lastError,
        Instant lastErrorAt, long fetchedCount, long failedCount, boolean sendsReplies, SmtpView smtp) {

    /** Whether the latest fetch failed (an error newer than the last success). */
    public boolean failing() {
        return lastErrorAt != null && (lastSuccessAt == null || lastErrorAt.isAfter(lastSuccessAt));
    }
}
