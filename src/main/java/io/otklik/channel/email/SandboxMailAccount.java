package io.otklik.channel.email;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Conditional;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The embedded default reads the sandbox's support mailbox: on start, while the sandbox mail server runs and no
 * mailbox is configured yet, an account for it is added. It keeps no host, port or password of its own — those of
 * the running sandbox are used — so a sandbox on other ports (tests, a changed setting) is still found.
 */
@Component
@Conditional(SandboxWanted.class)
class SandboxMailAccount implements ApplicationRunner {

    static final String NAME = "Песочница";

    private static final Logger log = LoggerFactory.getLogger(SandboxMailAccount.class);

    private final MailAccounts accounts;
    private final SandboxMailServer sandbox;
    private final TransactionTemplate transactions;
    private final Clock clock;

    SandboxMailAccount(MailAccounts accounts, SandboxMailServer sandbox, TransactionTemplate transactions,
            Clock clock) {
        this.accounts = accounts;
        this.sandbox = sandbox;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        try {
            transactions.executeWithoutResult(status -> {
                if (accounts.count() == 0) {
                    accounts.save(MailAccount.sandbox(NAME, sandbox.mailbox(), sandbox.host(), sandbox.imapPort(),
                            clock.instant()));
                    log.info("Added the mail account '{}' for the sandbox's support mailbox {}", NAME,
                            sandbox.mailbox());
                }
            });
        } catch (DataIntegrityViolationException addedElsewhere) {
            // another node or context added it at the same moment
        }
    }
}
