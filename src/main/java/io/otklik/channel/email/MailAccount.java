package io.otklik.channel.email;

import java.time.Duration;
import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A mailbox the email channel reads over IMAP (a ChannelAccount of the email channel), with its health: when it was
 * last fetched, the last error, how many mails were taken and how many could not be; and how replies on its
 * tickets leave: From its address, through its own SMTP server or the global one.
 */
@Entity
@Table(name = "mail_account")
class MailAccount {

    static final int MAX_ERROR_LENGTH = 2000;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "mail_account_seq")
    @SequenceGenerator(name = "mail_account_seq", sequenceName = "mail_account_seq", allocationSize = 50)
    private Long id;

    private String name;
    private String address;
    private String host;
    private int port;
    @Enumerated(EnumType.STRING)
    private MailSecurity security;
    private String username;
    /** Encrypted by {@link SecretCipher}; null for the sandbox account. */
    private String passwordSecret;
    private String folder;
    private int pollSeconds;
    private boolean enabled;
    /** The account of the sandbox mail server: host, port and password are the running sandbox's. */
    private boolean sandbox;
    private Instant createdAt;
    private Instant lastFetchAt;
    private Instant lastSuccessAt;
    private String lastError;
    private Instant lastErrorAt;
    private long fetchedCount;
    private long failedCount;
    /** Replies on this mailbox's tickets leave From its address; otherwise From the global support address. */
    private boolean sendsReplies;
    /** Its own SMTP server; null: the global one (always for the sandbox account: the running sandbox). */
    private String smtpHost;
    private Integer smtpPort;
    @Enumerated(EnumType.STRING)
    private MailSecurity smtpSecurity;
    /** Null: the SMTP server is used without signing in. */
    private String smtpUsername;
    /** Encrypted by {@link SecretCipher}. */
    private String smtpPasswordSecret;
    @Version
    private long version;

    protected MailAccount() {
    }

    private MailAccount(String name, String address, String folder, Duration pollInterval, boolean enabled,
            Instant now) {
        this.createdAt = now;
        describe(name, address, folder, pollInterval, enabled);
    }

    static MailAccount of(MailAccountDetails details, String passwordSecret, Instant now) {
        MailAccount account = new MailAccount(details.name(), details.address(), details.folder(),
                details.pollInterval(), details.enabled(), now);
        account.connectTo(details, passwordSecret);
        account.sendsReplies = details.sendsReplies();
        return account;
    }

    /** The sandbox's support mailbox; where it listens is looked up when the account is used. */
    static MailAccount sandbox(String name, String mailbox, String host, int port, Instant now) {
        MailAccount account = new MailAccount(name, mailbox, "INBOX", Duration.ofSeconds(60), true, now);
        account.sandbox = true;
        account.host = host;
        account.port = port;
        account.security = MailSecurity.NONE;
        account.username = mailbox;
        account.sendsReplies = true;
        return account;
    }

    /** Takes the new settings; a sandbox account keeps its connection, and an empty password keeps the saved one. */
    void change(MailAccountDetails details, String newPasswordSecret) {
        describe(details.name(), details.address(), details.folder(), details.pollInterval(), details.enabled());
        this.sendsReplies = details.sendsReplies();
        if (!sandbox) {
            connectTo(details, newPasswordSecret == null ? passwordSecret : newPasswordSecret);
        }
    }

    /**
     * Takes a new outgoing server (null: the global one); {@code newPasswordSecret} null keeps the saved password,
     * and a server used without signing in keeps none. The sandbox account keeps sending through the sandbox.
     */
    void sendThrough(SmtpDetails smtp, String newPasswordSecret) {
        if (sandbox || smtp == null) {
            smtpHost = null;
            smtpPort = null;
            smtpSecurity = null;
            smtpUsername = null;
            smtpPasswordSecret = null;
            return;
        }
        smtpHost = smtp.host();
        smtpPort = smtp.port();
        smtpSecurity = smtp.security();
        smtpUsername = smtp.signsIn() ? smtp.username() : null;
        smtpPasswordSecret = !smtp.signsIn() ? null : newPasswordSecret == null ? smtpPasswordSecret
                : newPasswordSecret;
    }

    String smtpPasswordSecret() {
        return smtpPasswordSecret;
    }

    void enable(boolean enabled) {
        this.enabled = enabled;
    }

    /** The error text as stored: trimmed, at most {@value #MAX_ERROR_LENGTH} characters. */
    static String errorText(String error) {
        String text = error == null || error.isBlank() ? "?" : error.strip();
        return text.length() > MAX_ERROR_LENGTH ? text.substring(0, MAX_ERROR_LENGTH) : text;
    }

    private void describe(String name, String address, String folder, Duration pollInterval, boolean enabled) {
        this.name = name.strip();
        this.address = address.strip();
        this.folder = folder == null || folder.isBlank() ? "INBOX" : folder.strip();
        long seconds = pollInterval == null ? 60 : pollInterval.toSeconds();
        this.pollSeconds = (int) Math.max(MailAccountDetails.MIN_POLL_INTERVAL.toSeconds(), Math.min(seconds, 86_400));
        this.enabled = enabled;
    }

    private void connectTo(MailAccountDetails details, String passwordSecret) {
        this.host = details.host().strip();
        this.port = details.port();
        this.security = details.security();
        this.username = details.username().strip();
        this.passwordSecret = passwordSecret;
    }

    MailAccountId id() {
        return new MailAccountId(id);
    }

    String name() {
        return name;
    }

    boolean isSandbox() {
        return sandbox;
    }

    boolean isEnabled() {
        return enabled;
    }

    String passwordSecret() {
        return passwordSecret;
    }

    /** The settings to connect with; the sandbox account's come from the running sandbox (host, port, password). */
    ImapConnection connection(String password, String actualHost, int actualPort) {
        return new ImapConnection(id(), actualHost, actualPort, security, username, password, folder,
                Duration.ofSeconds(pollSeconds));
    }

    String host() {
        return host;
    }

    int port() {
        return port;
    }

    MailAccountView view(String shownHost, int shownPort) {
        return new MailAccountView(id(), name, address, shownHost, shownPort, security, username,
                passwordSecret != null, folder, Duration.ofSeconds(pollSeconds), enabled, sandbox, lastFetchAt,
                lastSuccessAt, lastError, lastErrorAt, fetchedCount, failedCount, sendsReplies,
                smtpHost == null ? null : new SmtpView(smtpHost, smtpPort, smtpSecurity,
                        smtpUsername == null ? "" : smtpUsername, smtpPasswordSecret != null));
    }
}
