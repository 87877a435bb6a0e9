package io.otklik.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Password sign-in that slows down guessing: failures are counted per account (in the database, so all nodes
 * agree) and per remote address (for logins that do not exist), and lock further tries for a growing while.
 * Staff and customers each have one, with their own accounts and audit actions.
 */
class ThrottledSignIn implements AuthenticationProvider {

    private final DaoAuthenticationProvider passwords;
    private final SignInLocks locks;
    private final String auditPrefix;
    private final Audit audit;
    private final SignInProperties properties;
    private final Clock clock;
    private final Map<String, AddressFailures> byAddress = new ConcurrentHashMap<>();

    /** {@code auditPrefix} names the audit actions: "sign-in" gives sign-in.succeeded, sign-in.failed, … */
    ThrottledSignIn(DaoAuthenticationProvider passwords, SignInLocks locks, String auditPrefix, Audit audit,
            SignInProperties properties, Clock clock) {
        this.passwords = passwords;
        this.locks = locks;
        this.auditPrefix = auditPrefix;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String login = UserAccount.normalize(String.valueOf(authentication.getPrincipal()));
        String address = authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : "unknown";
        Instant now = clock.instant();
        Duration wait = max(locks.lockRemaining(login, now), addressLock(address, now));
        if (!wait.isZero()) {
            audit.recordAs(login, auditPrefix + ".throttled", address);
            throw new SignInThrottledException(wait);
        }
        try {
            Authentication result = passwords.authenticate(authentication);
            locks.succeeded(login);
            byAddress.remove(address);
            audit.recordAs(login, auditPrefix + ".succeeded", address);
            return result;
        } catch (BadCredentialsException e) {
            locks.failed(login, now, properties.maxFailures(), properties.baseLock());
            byAddress.compute(address, (key, failures) -> (failures == null ? new AddressFailures(0, null) : failures)
                    .failed(now, properties));
            audit.recordAs(login, auditPrefix + ".failed", address);
            throw e;
        }
    }

    private Duration addressLock(String address, Instant now) {
        AddressFailures failures = byAddress.get(address);
        return failures == null ? Duration.ZERO : failures.remaining(now);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /** Failures from one address; an address gets more room than one account, since offices share addresses. */
    private record AddressFailures(int count, Instant lockedUntil) {

        private static final int ADDRESS_FACTOR = 4;

        AddressFailures failed(Instant now, SignInProperties properties) {
            int next = count + 1;
            int limit = properties.maxFailures() * ADDRESS_FACTOR;
            if (next < limit) {
                return new AddressFailures(next, lockedUntil);
            }
            int excess = Math.min(next - limit, 5);
            return new AddressFailures(next, now.plus(properties.baseLock().multipliedBy(1L << excess)));
        }

        Duration remaining(Instant now) {
            return lockedUntil == null || !lockedUntil.isAfter(now) ? Duration.ZERO : Duration.between(now, lockedUntil);
        }
    }
}
