package io.otklik.channel.email;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.otklik.shared.NotFoundException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The mailboxes for the poller: how to connect to each enabled one (password decrypted, the sandbox account
 * pointed at the running sandbox), and where it records how each fetch went — the health the admin page shows.
 * Runs without a signed-in user.
 */
@Service
public class ImapAccounts {

    private static final Logger log = LoggerFactory.getLogger(ImapAccounts.class);

    private final MailAccounts accounts;
    private final SecretCipher cipher;
    private final ObjectProvider<SandboxMailServer> sandbox;
    private final Clock clock;

    ImapAccounts(MailAccounts accounts, SecretCipher cipher, ObjectProvider<SandboxMailServer> sandbox, Clock clock) {
        this.accounts = accounts;
        this.cipher = cipher;
        this.sandbox = sandbox;
        this.clock = clock;
    }

    /**
     * The enabled mailboxes that can be connected to now: a sandbox account while no sandbox runs is left out, and
     * so is one whose password cannot be decrypted (recorded as its error).
     */
    @Transactional
    public List<ImapConnection> enabled() {
        List<ImapConnection> connections = new ArrayList<>();
        for (MailAccount account : accounts.findAllByOrderByNameAsc()) {
            if (!account.isEnabled()) {
                continue;
            }
            try {
                connection(account).ifPresent(connections::add);
            } catch (IllegalStateException | IllegalArgumentException e) {
                log.warn("Mail account {} skipped: {}", account.name(), e.getMessage());
                accounts.recordFetchFailure(account.id().value(), MailAccount.errorText(e.getMessage()),
                        clock.instant());
            }
        }
        return connections;
    }

    /** One mailbox's connection, empty for the sandbox account while no sandbox runs. */
    @Transactional(readOnly = true)
    public Optional<ImapConnection> connection(MailAccountId id) {
        return connection(load(id));
    }

    /** A fetch went through: {@code taken} mails were stored, {@code failed} could not be (and stay for later). */
    @Transactional
    public void recordFetch(MailAccountId id, int taken, int failed) {
        if (accounts.recordFetch(id.value(), Math.max(0, taken), Math.max(0, failed), clock.instant()) == 0) {
            throw new NotFoundException("mail-account.not-found", id);
        }
    }

    /** A fetch failed as a whole (could not connect, log in, open the folder …); {@code error} is shown to admins. */
    @Transactional
    public void recordFetchFailure(MailAccountId id, String error) {
        if (accounts.recordFetchFailure(id.value(), MailAccount.errorText(error), clock.instant()) == 0) {
            throw new NotFoundException("mail-account.not-found", id);
        }
    }

    Optional<ImapConnection> connection(MailAccount account) {
        if (account.isSandbox()) {
            SandboxMailServer server = sandbox.getIfAvailable();
            if (server == null || !server.running()) {
                return Optional.empty();
            }
            return Optional.of(account.connection(server.mailboxPassword(), server.host(), server.imapPort()));
        }
        String secret = account.passwordSecret();
        return Optional.of(account.connection(secret == null ? "" : cipher.decrypt(secret), account.host(),
                account.port()));
    }

    /** How a page shows the account: the sandbox account with where the running sandbox listens. */
    MailAccountView view(MailAccount account) {
        SandboxMailServer server = sandbox.getIfAvailable();
        if (account.isSandbox() && server != null) {
            return account.view(server.host(), server.imapPort());
        }
        return account.view(account.host(), account.port());
    }

    private MailAccount load(MailAccountId id) {
        return accounts.findById(id.value()).orElseThrow(() -> new NotFoundException("mail-account.not-found", id));
    }
}
