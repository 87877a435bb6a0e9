package io.otklik.identity;

import java.time.Duration;
import java.time.Instant;

import org.springframework.transaction.support.TransactionTemplate;

/** Failed sign-ins of staff, counted on their accounts. */
class StaffSignInLocks implements SignInLocks {

    private final UserAccounts accounts;
    private final TransactionTemplate transactions;

    StaffSignInLocks(UserAccounts accounts, TransactionTemplate transactions) {
        this.accounts = accounts;
        this.transactions = transactions;
    }

    @Override
    public Duration lockRemaining(String login, Instant now) {
        return accounts.findByLogin(login).map(account -> account.lockRemaining(now)).orElse(Duration.ZERO);
    }

    @Override
    public void succeeded(String login) {
        transactions.executeWithoutResult(tx -> accounts.findByLogin(login).ifPresent(UserAccount::signedIn));
    }

    @Override
    public void failed(String login, Instant now, int maxFailures, Duration baseLock) {
        transactions.executeWithoutResult(tx -> accounts.findByLogin(login)
                .ifPresent(account -> account.signInFailed(now, maxFailures, baseLock)));
    }
}
