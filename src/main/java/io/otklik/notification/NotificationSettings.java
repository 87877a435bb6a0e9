package io.otklik.notification;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of {@code otklik.notifications}: whom we never acknowledge, how many acknowledgements one customer gets
 * an hour at most, how long the sign-in links in our mails work, and the team's name to sign with (empty: the
 * bundle's "Support team" in the recipient's language).
 */
@ConfigurationProperties("otklik.notifications")
record NotificationSettings(List<String> ownAddresses, String systemSenders, int maxAcknowledgementsPerHour,
        Duration mailLinkValidity, String teamName) {

    NotificationSettings {
        ownAddresses = ownAddresses == null ? List.of() : ownAddresses;
        if (systemSenders == null || systemSenders.isBlank()) {
            systemSenders = "(mailer-daemon|postmaster|no-?reply|do-?not-?reply|bounces?|notifications?|daemon)(\\+.*)?";
        }
        if (maxAcknowledgementsPerHour <= 0) {
            maxAcknowledgementsPerHour = 5;
        }
        if (mailLinkValidity == null) {
            mailLinkValidity = Duration.ofHours(24);
        }
    }
}
