package io.otklik.channel.email;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import io.otklik.channel.OwnAddresses;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Our own mail addresses: the From and Reply-To of our mail, every mailbox we read (and its login), the sandbox
 * support mailbox, and those listed in {@code otklik.notifications.own-addresses}. The mailboxes are read again
 * at most every 30 seconds, so a mailbox added on one node is known to all soon.
 */
@Component
class MailOwnAddresses implements OwnAddresses {

    private static final Duration FRESH = Duration.ofSeconds(30);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Set<String> configured = new HashSet<>();
    private volatile Set<String> mailboxes = Set.of();
    private volatile Instant readAt = Instant.MIN;

    MailOwnAddresses(JdbcClient jdbc, Clock clock, MailSettings settings,
            @Value("${otklik.notifications.own-addresses:}") String listed) {
        this.jdbc = jdbc;
        this.clock = clock;
        addAddress(configured, settings.from());
        addAddress(configured, settings.replyTo());
        if (settings.sandbox() != null) {
            addAddress(configured, settings.sandbox().mailbox());
        }
        for (String address : listed.split(",")) {
            addAddress(configured, address);
        }
    }

    @Override
    public boolean isOwn(String address) {
        String key = address.strip().toLowerCase(Locale.ROOT);
        return configured.contains(key) || mailboxes().contains(key);
    }

    private Set<String> mailboxes() {
        Instant now = clock.instant();
        if (readAt.plus(FRESH).isBefore(now)) {
            Set<String> read = new HashSet<>();
            jdbc.sql("select address, username from mail_account").query((rs, n) -> {
                addAddress(read, rs.getString(1));
                addAddress(read, rs.getString(2));
                return null;
            }).list();
            mailboxes = Set.copyOf(read);
            readAt = now;
        }
        return mailboxes;
    }

    private static void addAddress(Set<String> into, String written) {
        if (written == null || written.isBlank()) {
            return;
        }
        try {
            into.add(new InternetAddress(written.strip(), false).getAddress().toLowerCase(Locale.ROOT));
        } catch (AddressException e) {
            into.add(written.strip().toLowerCase(Locale.ROOT));
        }
    }
}
