package io.otklik.notification;

import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Keeps us out of mail loops: we never write to our own addresses or to system senders (mailer-daemon, no-reply
 * and the like), whose answers would come back as new requests.
 */
@Component
class AcknowledgementGuard {

    private final Set<String> own = new HashSet<>();
    private final Pattern systemSender;

    AcknowledgementGuard(NotificationSettings settings, Environment environment) {
        settings.ownAddresses().forEach(address -> own.add(address.strip().toLowerCase(Locale.ROOT)));
        addressIn(environment.getProperty("otklik.mail.from")).ifPresent(own::add);
        addressIn(environment.getProperty("otklik.mail.sandbox.mailbox")).ifPresent(own::add);
        systemSender = Pattern.compile(settings.systemSenders(), Pattern.CASE_INSENSITIVE);
    }

    /** Why a mail to this address must not be sent, or empty when it may. */
    Optional<String> refusal(String address) {
        if (address == null || address.isBlank()) {
            return Optional.of("no-address");
        }
        String normalized = address.strip().toLowerCase(Locale.ROOT);
        if (own.contains(normalized)) {
            return Optional.of("own-address");
        }
        int at = normalized.indexOf('@');
        if (at > 0 && systemSender.matcher(normalized.substring(0, at)).matches()) {
            return Optional.of("system-sender");
        }
        return Optional.empty();
    }

    /** The bare address in "Name <address>" or an address alone. */
    static Optional<String> addressIn(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        int open = value.lastIndexOf('<');
        int close = value.lastIndexOf('>');
        String address = open >= 0 && close > open ? value.substring(open + 1, close) : value;
        return Optional.of(address.strip().toLowerCase(Locale.ROOT));
    }
}
