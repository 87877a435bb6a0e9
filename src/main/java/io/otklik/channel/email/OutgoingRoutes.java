package io.otklik.channel.email;

import java.io.UnsupportedEncodingException;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import io.otklik.channel.DeliveryFailure;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * How a ticket's mail leaves. A ticket belongs to the mailbox its earliest inbound email came to; when that mailbox
 * sends replies, its mail goes From (and Reply-To) the mailbox's address — through its own SMTP server, through the
 * running sandbox for the sandbox account (the global way altogether when there is no sandbox mail server), or else
 * through the global server. Any other mail goes From the global
 * support address through the global server (or the sandbox when none is configured).
 * <p>
 * A mailbox's sender is kept until the mailbox is changed (its version moves on, on whichever node it was saved),
 * so a send costs one indexed query.
 */
@Component
class OutgoingRoutes {

    private final JdbcClient jdbc;
    private final JavaMailSenderImpl globalSender;
    private final MailSettings settings;
    private final SecretCipher cipher;
    private final ObjectProvider<SandboxMailServer> sandbox;
    private final Route global;
    private final ConcurrentMap<Long, Kept> senders = new ConcurrentHashMap<>();
    private static final long MAILBOX_FRESH_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(2);
    private static final int MAX_KEPT_MAILBOXES = 10_000;
    /** Tickets' mailboxes as read moments ago (see {@link #mailboxOf}). */
    private final ConcurrentMap<Long, KeptMailbox> mailboxes = new ConcurrentHashMap<>();
    private volatile JavaMailSenderImpl sandboxSender;

    OutgoingRoutes(JdbcClient jdbc, JavaMailSenderImpl globalSender, MailSettings settings, SecretCipher cipher,
            ObjectProvider<SandboxMailServer> sandbox) {
        this.jdbc = jdbc;
        this.globalSender = globalSender;
        this.settings = settings;
        this.cipher = cipher;
        this.sandbox = sandbox;
        this.global = new Route(globalSender, address(settings.from(), null, "otklik.mail.from"),
                address(settings.replyTo(), null, "otklik.mail.reply-to"), null);
    }

    /** The way of mail with no ticket or a ticket of no mailbox: the global address and server. */
    Route global() {
        return global;
    }

    /**
     * The way of a ticket's mail (the global one for {@code ticketId} null). Throws a passing
     * {@link DeliveryFailure} when the mailbox's settings cannot be used now (its saved SMTP password cannot be
     * decrypted, its address is no address): an administrator can fix them while the outbox retries.
     */
    Route of(Long ticketId) {
        return mailboxOf(ticketId).map(this::route).orElse(global);
    }

    /** The address a ticket's mail comes from: its mailbox's when that sends replies, else the global one. */
    InternetAddress fromOf(Long ticketId) {
        return mailboxOf(ticketId).map(mailbox -> {
            try {
                return from(mailbox);
            } catch (DeliveryFailure unusable) {
                return global.from();
            }
        }).orElse(global.from());
    }

    /** The global server's sender (its host null when none is configured and no sandbox runs). */
    JavaMailSenderImpl globalSender() {
        return globalSender;
    }

    /** A sender for the running sandbox, empty when there is no sandbox mail server. */
    Optional<JavaMailSenderImpl> sandboxSender() {
        return Optional.ofNullable(sandbox.getIfAvailable()).map(this::sandboxSender);
    }

    /** Forgets a mailbox's kept sender (it was changed on this node; other nodes see its new version). */
    void forget(MailAccountId account) {
        senders.remove(account.value());
        mailboxes.clear();
    }

    /**
     * The mailbox of the ticket's earliest inbound email, when that mailbox sends replies. Kept for two seconds per
     * ticket: a mail is routed when it is queued (its Message-ID's domain) and again when it is sent, moments apart,
     * and a burst of new tickets asked twice a mail.
     */
    private Optional<Mailbox> mailboxOf(Long ticketId) {
        if (ticketId == null) {
            return Optional.empty();
        }
        long now = System.nanoTime();
        KeptMailbox kept = mailboxes.get(ticketId);
        if (kept != null && now - kept.readAt() < MAILBOX_FRESH_NANOS) {
            return kept.mailbox();
        }
        if (mailboxes.size() >= MAX_KEPT_MAILBOXES) {
            mailboxes.clear();
        }
        Optional<Mailbox> mailbox = readMailboxOf(ticketId);
        mailboxes.put(ticketId, new KeptMailbox(now, mailbox));
        return mailbox;
    }

    private Optional<Mailbox> readMailboxOf(long ticketId) {
        return jdbc.sql("""
                select a.id, a.version, a.name, a.address, a.sandbox, a.sends_replies, a.smtp_host, a.smtp_port, a.smtp_security,
                       a.smtp_username, a.smtp_password_secret
                from inbound_message m join mail_account a on a.id = m.account_id
                where m.ticket_id = :ticket and m.channel = 'EMAIL'
                order by m.received_at, m.id
                fetch first 1 rows only""")
                .param("ticket", ticketId)
                .query((rs, row) -> new Mailbox(rs.getLong("id"), rs.getLong("version"), rs.getString("name"),
                        rs.getString("address"), rs.getBoolean("sandbox"), rs.getBoolean("sends_replies"),
                        rs.getString("smtp_host"),
                        rs.getInt("smtp_port"), rs.getString("smtp_security"), rs.getString("smtp_username"),
                        rs.getString("smtp_password_secret")))
                .optional()
                .filter(Mailbox::sendsReplies);
    }

    private Route route(Mailbox mailbox) {
        InternetAddress from = from(mailbox);
        if (mailbox.sandbox()) {
            SandboxMailServer server = sandbox.getIfAvailable();
            return server == null ? global : new Route(sandboxSender(server), from, from, mailbox.name());
        }
        if (mailbox.smtpHost() == null) {
            return new Route(globalSender, from, from, mailbox.name());
        }
        return new Route(sender(mailbox), from, from, mailbox.name());
    }

    private JavaMailSenderImpl sender(Mailbox mailbox) {
        Kept kept = senders.get(mailbox.id());
        if (kept != null && kept.version() == mailbox.version()) {
            return kept.sender();
        }
        String password;
        try {
            password = mailbox.smtpPasswordSecret() == null ? null : cipher.decrypt(mailbox.smtpPasswordSecret());
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new DeliveryFailure("The SMTP password of mailbox «" + mailbox.name() + "» cannot be decrypted "
                    + "(OTKLIK_SECRETS_KEY or secrets.key changed?): enter it again", false, e);
        }
        JavaMailSenderImpl sender = new SmtpServer(mailbox.smtpHost(), mailbox.smtpPort(),
                MailSecurity.valueOf(mailbox.smtpSecurity()), mailbox.smtpUsername(), password)
                .sender(settings.smtp().timeout());
        senders.put(mailbox.id(), new Kept(mailbox.version(), sender));
        return sender;
    }

    /** A sender for the running sandbox; the sandbox keeps its ports when it is stopped and started again. */
    private JavaMailSenderImpl sandboxSender(SandboxMailServer server) {
        JavaMailSenderImpl kept = sandboxSender;
        if (kept == null || kept.getPort() != server.smtpPort() || !server.host().equals(kept.getHost())) {
            kept = new SmtpServer(server.host(), server.smtpPort(), MailSecurity.NONE, null, null)
                    .sender(settings.smtp().timeout());
            sandboxSender = kept;
        }
        return kept;
    }

    /** The mailbox's address under the global address's display name ("Служба поддержки <sales@…>"). */
    private InternetAddress from(Mailbox mailbox) {
        try {
            return address(mailbox.address(), global.from().getPersonal(), null);
        } catch (IllegalStateException e) {
            throw new DeliveryFailure("The address of mailbox «" + mailbox.name() + "» is not a mail address: "
                    + mailbox.address(), false, e);
        }
    }

    private static InternetAddress address(String value, String personal, String property) {
        try {
            InternetAddress parsed = new InternetAddress(value.strip(), true);
            return new InternetAddress(parsed.getAddress(), personal != null ? personal : parsed.getPersonal(),
                    EmailChannel.CHARSET);
        } catch (AddressException | UnsupportedEncodingException e) {
            throw new IllegalStateException((property == null ? "" : property + " ") + "is not a mail address: "
                    + value, e);
        }
    }

    /**
     * Where and as whom one mail leaves: the sender (its host null when no SMTP server is configured and no sandbox
     * runs), From and Reply-To, and the mailbox's name ({@code null} on the global way).
     */
    record Route(JavaMailSenderImpl sender, InternetAddress from, InternetAddress replyTo, String mailbox) {
    }

    private record Mailbox(long id, long version, String name, String address, boolean sandbox,
            boolean sendsReplies, String smtpHost,
            int smtpPort, String smtpSecurity, String smtpUsername, String smtpPasswordSecret) {
    }

    private record Kept(long version, JavaMailSenderImpl sender) {
    }

    private record KeptMailbox(long readAt, Optional<Mailbox> mailbox) {
    }
}
