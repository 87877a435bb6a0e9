package io.otklik.identity;

import java.time.Duration;
import java.time.Instant;

/**
 * Where {@link ThrottledSignIn} keeps the failures of one kind of account (staff accounts, customers' portal
 * credentials), so both kinds are slowed down by the same rules.
 */
interface SignInLocks {

    /** How long sign-ins with this login must still wait; zero when the login is unknown or not locked. */
    Duration lockRemaining(String login, Instant now);

    /** Clears the failures after a successful sign-in. */
    void succeeded(String login);

    /** Counts a failure; from {@code maxFailures} on, locks for {@code baseLock} doubled per further failure. */
    void failed(String login, Instant now, int maxFailures, Duration baseLock);
}
