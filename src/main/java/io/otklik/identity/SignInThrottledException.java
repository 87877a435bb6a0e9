package io.otklik.identity;

import java.time.Duration;

import org.springframework.security.authentication.LockedException;

/** Sign-in refused for a while after repeated failures; says how long to wait. */
final class SignInThrottledException extends LockedException {

    private final Duration wait;

    SignInThrottledException(Duration wait) {
        super("Too many failed sign-ins; wait " + wait.toSeconds() + " s");
        this.wait = wait;
    }

    long waitSeconds() {
        return Math.max(1, wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0));
    }
}
