package io.otklik.channel;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the outbox retries: the first retry waits {@code firstRetry}, each further one twice as long up to
 * {@code maxRetry}; after {@code maxAttempts} tries a send is given up as failed. A node sending an entry holds it
 * for {@code claimTimeout} (longer than the slowest send may take); an entry whose node died meanwhile is taken up
 * again after that. {@code sweepInterval} is how often due retries are looked for.
 */
@ConfigurationProperties("otklik.mail.outbox")
record OutboxSettings(int maxAttempts, Duration firstRetry, Duration maxRetry, Duration claimTimeout,
        Duration sweepInterval) {

    OutboxSettings {
        if (maxAttempts <= 0) {
            maxAttempts = 10;
        }
        if (firstRetry == null || firstRetry.isNegative() || firstRetry.isZero()) {
            firstRetry = Duration.ofSeconds(30);
        }
        if (maxRetry == null || maxRetry.compareTo(firstRetry) < 0) {
            maxRetry = firstRetry.compareTo(Duration.ofMinutes(30)) > 0 ? firstRetry : Duration.ofMinutes(30);
        }
        if (claimTimeout == null || claimTimeout.isNegative() || claimTimeout.isZero()) {
            claimTimeout = Duration.ofMinutes(5);
        }
        if (sweepInterval == null || sweepInterval.isNegative() || sweepInterval.isZero()) {
            sweepInterval = Duration.ofSeconds(10);
        }
    }

    /** How long to wait after the given failed try (1 for the first): doubling from firstRetry, capped. */
    Duration backoffAfter(int attempt) {
        Duration wait = firstRetry;
        for (int i = 1; i < attempt && wait.compareTo(maxRetry) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxRetry) > 0 ? maxRetry : wait;
    }
}
