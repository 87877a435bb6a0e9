package io.otklik.identity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How sign-in failures slow an attacker down: after {@code maxFailures} failures for one login or one address,
 * further tries wait {@code baseLock}, doubled for each further failure.
 */
@ConfigurationProperties("otklik.sign-in")
record SignInProperties(int maxFailures, Duration baseLock) {

    SignInProperties {
        if (maxFailures <= 0) {
            maxFailures = 5;
        }
        if (baseLock == null) {
            baseLock = Duration.ofSeconds(30);
        }
    }
}
