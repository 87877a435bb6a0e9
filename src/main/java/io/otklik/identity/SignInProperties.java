package io.otklik.identity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How sign-in failures slow an attacker down: after {@code maxFailures} failures for one login or one address,
 * further tries wait {@code baseLock}, doubled for each further failure. A sign-in link a customer asks for on
 * the portal's sign-in page works for {@code customerLinkValidity}; at most {@code customerLinksPerHour} are sent
 * to one customer an hour, so the form cannot be used to flood someone's mailbox.
 */
@ConfigurationProperties("otklik.sign-in")
record SignInProperties(int maxFailures, Duration baseLock, Duration customerLinkValidity, int customerLinksPerHour) {

    SignInProperties {
        if (maxFailures <= 0) {
            maxFailures = 5;
        }
        if (baseLock == null) {
            baseLock = Duration.ofSeconds(30);
        }
        if (customerLinkValidity == null || customerLinkValidity.isNegative() || customerLinkValidity.isZero()) {
            customerLinkValidity = Duration.ofMinutes(30);
        }
        if (customerLinksPerHour <= 0) {
            customerLinksPerHour = 5;
        }
    }
}
