package io.otklik.channel.email;

import java.time.Clock;
import java.util.List;

import io.otklik.shared.ConflictException;
import io.otklik.shared.NotFoundException;
import io.otklik.shared.RuleViolationException;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The mailboxes the email channel reads and replies from, as administrators manage them: supervisors see them and
 * their health, administrators add, change, switch on and off and test them (IMAP and SMTP). Passwords go in
 * encrypted and never come out.
 */
@Service
public class MailAccountAdministration {

    private final MailAccounts accounts;
    private final ImapAccounts imap;
    private final SecretCipher cipher;
    private final ImapProbe probe;
    private final SmtpProbe smtpProbe;
    private final OutgoingRoutes routes;
    private final KnownMailboxes known;
    private final Clock clock;

    MailAccountAdministration(MailAccounts accounts, ImapAccounts imap, SecretCipher cipher, ImapProbe probe,
            SmtpProbe smtpProbe, OutgoingRoutes routes, KnownMailboxes known, Clock clock) {
        this.accounts = accounts;
        this.imap = imap;
        this.cipher = cipher;
        this.probe = probe;
        this.smtpProbe = smtpProbe;
        this.routes = routes;
        this.known = known;
        this.clock = clock;
    }

    @PreAuthorize("hasRole('SUPERVISOR')")
    @Transactional(readOnly = true)
    public List<MailAccountView> accounts() {
        return accounts.findAllByOrderByNameAsc().stream().map(imap::view).toList();
    }

    @PreAuthorize("hasRole('SUPERVISOR')")
    @Transactional(readOnly = true)
    public MailAccountView account(MailAccountId id) {
        return imap.view(load(id));
    }

    @PreAuthorize("hasRole('SUPERVISOR')")
    @Transactional(readOnly = true)
    public long count() {
        return accounts.count();
    }

    /** Adds a mailbox; its password is required, and so is its SMTP password when its SMTP server signs in. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public MailAccountId create(MailAccountDetails details) {
        if (details.keepsPassword()) {
            throw new RuleViolationException("mail-account.password-required");
        }
        SmtpDetails smtp = details.smtp();
        if (smtp != null && smtp.signsIn() && smtp.keepsPassword()) {
            throw new RuleViolationException("mail-account.smtp-password-required");
        }
        if (accounts.existsByName(details.name().strip())) {
            throw new ConflictException("mail-account.name-taken", details.name().strip());
        }
        MailAccount account = MailAccount.of(details, cipher.encrypt(details.password()), clock.instant());
        account.sendThrough(smtp, smtpSecret(smtp));
        known.changed();
        return accounts.saveAndFlush(account).id();
    }

    /**
     * Changes a mailbox's settings; an empty password keeps the saved one (IMAP and SMTP alike). An SMTP server
     * that signs in needs a password, entered now or saved before.
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void update(MailAccountId id, MailAccountDetails details) {
        MailAccount account = load(id);
        SmtpDetails smtp = details.smtp();
        if (!account.isSandbox() && smtp != null && smtp.signsIn() && smtp.keepsPassword()
                && account.smtpPasswordSecret() == null) {
            throw new RuleViolationException("mail-account.smtp-password-required");
        }
        if (accounts.existsByNameAndIdNot(details.name().strip(), id.value())) {
            throw new ConflictException("mail-account.name-taken", details.name().strip());
        }
        account.change(details, details.keepsPassword() ? null : cipher.encrypt(details.password()));
        account.sendThrough(smtp, smtpSecret(smtp));
        accounts.flush();
        routes.forget(id);
        known.changed();
    }

    /** The entered SMTP password encrypted; null when none was entered (keep the saved one, or none needed). */
    private String smtpSecret(SmtpDetails smtp) {
        return smtp == null || !smtp.signsIn() || smtp.keepsPassword() ? null : cipher.encrypt(smtp.password());
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void enable(MailAccountId id, boolean enabled) {
        load(id).enable(enabled);
    }

    /**
     * Connects with settings as entered, before they are saved; for a saved mailbox ({@code saved} not null) an
     * empty password means the saved one, and the sandbox account always tries the running sandbox.
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public ConnectionCheck test(MailAccountDetails details, MailAccountId saved) {
        try {
            return probe(details, saved);
        } catch (IllegalStateException | IllegalArgumentException unreadable) {
            return ConnectionCheck.failed(ConnectionCheck.Problem.UNREADABLE_PASSWORD, null);
        }
    }

    private ConnectionCheck probe(MailAccountDetails details, MailAccountId saved) {
        if (saved != null) {
            MailAccount account = load(saved);
            if (account.isSandbox()) {
                String folder = folder(details);
                return imap.connection(account).map(c -> probe.check(new ImapConnection(c.account(), c.host(),
                        c.port(), c.security(), c.username(), c.password(), folder, c.pollInterval())))
                        .orElseGet(() -> ConnectionCheck.failed(ConnectionCheck.Problem.NO_SANDBOX, null));
            }
            if (details.keepsPassword()) {
                String secret = account.passwordSecret();
                details = details.withPassword(secret == null ? "" : cipher.decrypt(secret));
            }
        }
        return probe.check(new ImapConnection(saved, details.host().strip(), details.port(), details.security(),
                details.username().strip(), details.password() == null ? "" : details.password(), folder(details),
                details.pollInterval()));
    }

    /** Connects with a mailbox's saved settings. */
    @PreAuthorize("hasRole('SUPERVISOR')")
    @Transactional(readOnly = true)
    public ConnectionCheck test(MailAccountId id) {
        MailAccount account = load(id);
        try {
            return imap.connection(account).map(probe::check)
                    .orElseGet(() -> ConnectionCheck.failed(ConnectionCheck.Problem.NO_SANDBOX, null));
        } catch (IllegalStateException | IllegalArgumentException unreadable) {
            return ConnectionCheck.failed(ConnectionCheck.Problem.UNREADABLE_PASSWORD, null);
        }
    }

    /**
     * Connects to the SMTP server the mailbox's mail would leave through, with settings as entered, and signs in;
     * sends nothing. No SMTP server of its own: the global one (or the sandbox when none is configured); the
     * sandbox account: the running sandbox. For a saved mailbox ({@code saved} not null) an empty SMTP password
     * means the saved one.
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public SmtpCheck testSmtp(MailAccountDetails details, MailAccountId saved) {
        MailAccount account = saved == null ? null : load(saved);
        if (account != null && account.isSandbox()) {
            return routes.sandboxSender().map(sender -> smtpProbe.check(sender, SmtpCheck.Way.SANDBOX))
                    .orElseGet(() -> SmtpCheck.failed(ConnectionCheck.Problem.NO_SANDBOX, SmtpCheck.Way.SANDBOX,
                            null, null));
        }
        SmtpDetails smtp = details.smtp();
        if (smtp == null) {
            return smtpProbe.check(routes.globalSender(), SmtpCheck.Way.GLOBAL);
        }
        String password = smtp.password() == null ? "" : smtp.password();
        if (smtp.signsIn() && smtp.keepsPassword() && account != null && account.smtpPasswordSecret() != null) {
            try {
                password = cipher.decrypt(account.smtpPasswordSecret());
            } catch (IllegalStateException | IllegalArgumentException unreadable) {
                return SmtpCheck.failed(ConnectionCheck.Problem.UNREADABLE_PASSWORD, SmtpCheck.Way.OWN,
                        smtp.host() + ":" + smtp.port(), null);
            }
        }
        return smtpProbe.check(new SmtpServer(smtp.host(), smtp.port(), smtp.security(), smtp.username(), password),
                SmtpCheck.Way.OWN);
    }

    private static String folder(MailAccountDetails details) {
        return details.folder() == null || details.folder().isBlank() ? "INBOX" : details.folder().strip();
    }

    private MailAccount load(MailAccountId id) {
        return accounts.findById(id.value()).orElseThrow(() -> new NotFoundException("mail-account.not-found", id));
    }
}
