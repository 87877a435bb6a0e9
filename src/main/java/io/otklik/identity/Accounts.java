package io.otklik.identity;

import java.time.Clock;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.otklik.shared.ConflictException;
import io.otklik.shared.NotFoundException;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Opens staff accounts, tells who is signed in, and keeps their preferences. */
@Service
public class Accounts {

    /** Session attribute holding the language chosen at sign-in or later; read by the locale resolver. */
    public static final String LOCALE_SESSION_ATTRIBUTE = "otklik.locale";

    private final UserAccounts accounts;
    private final PasswordEncoder passwords;
    private final Audit audit;
    private final Clock clock;

    Accounts(UserAccounts accounts, PasswordEncoder passwords, Audit audit, Clock clock) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.audit = audit;
        this.clock = clock;
    }

    /** Opens an account; the login must be new. Callers check the creator's role. */
    @Transactional
    public UserId open(NewAccount request) {
        String login = UserAccount.normalize(request.login());
        if (accounts.existsByLogin(login)) {
            throw new ConflictException("account.login-taken", login);
        }
        UserAccount account = accounts.save(new UserAccount(login, request.displayName(),
                passwords.encode(request.password()), request.role(), request.locale(), clock.instant()));
        audit.record("account.opened", login + " (" + request.role() + ")");
        return new UserId(account.id());
    }

    @Transactional(readOnly = true)
    public CurrentUser find(UserId id) {
        return accounts.findById(id.value()).map(UserAccount::toCurrentUser)
                .orElseThrow(() -> new NotFoundException("account.not-found"));
    }

    /** Many accounts in one query; ids without an account are left out. */
    @Transactional(readOnly = true)
    public Map<UserId, CurrentUser> find(Collection<UserId> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return accounts.findAllById(ids.stream().map(UserId::value).distinct().toList()).stream()
                .map(UserAccount::toCurrentUser).collect(Collectors.toMap(CurrentUser::id, Function.identity()));
    }

    @Transactional
    public void changeLocale(UserId id, Locale locale) {
        accounts.findById(id.value()).ifPresent(account -> account.changeLocale(locale));
    }

    /** The staff member behind the current request, if one is signed in. */
    public Optional<CurrentUser> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof SignedInUser user) {
            return Optional.of(user.currentUser());
        }
        return Optional.empty();
    }

    /** The staff member behind the current request; fails when nobody is signed in. */
    public CurrentUser requireCurrent() {
        return current().orElseThrow(() -> new NotFoundException("account.not-signed-in"));
    }

    @Transactional(readOnly = true)
    public boolean anyExist() {
        return accounts.count() > 0;
    }
}
