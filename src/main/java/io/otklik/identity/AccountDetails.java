package io.otklik.identity;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Loads a staff account for password sign-in. */
@Component
class AccountDetails implements UserDetailsService {

    private final UserAccounts accounts;

    AccountDetails(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String login) {
        return accounts.findByLogin(UserAccount.normalize(login))
                .map(account -> new SignedInUser(account.toCurrentUser(), account.passwordHash(), account.enabled()))
                .orElseThrow(() -> new UsernameNotFoundException("unknown login"));
    }
}
