package io.otklik.channel.email;

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
 * support mailbox, and those listed in {@code otklik.notifications.own-addresses}. The mailboxes are looked up on
 * every question, so a mailbox added on any node is ours at once.
 */
@Component
class MailOwnAddresses implements OwnAddresses {

    private final JdbcClient jdbc;
    private final Set<String> configured = new HashSet<>();

    MailOwnAddresses(JdbcClient jdbc, MailSettings settings,
            @Value("${otklik.notifications.own-addresses:}") String listed) {
        this.jdbc = jdbc;
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
        if (configured.contains(key)) {
            return true;
        }
        // Read every time (a handful of rows): a mailbox added a moment ago on any node is ours at once.
        return jdbc.sql("select count(*) from mail_account where lower(address) = :a or lower(username) = :a")
                .param("a", key).query(Long.class).single() > 0;
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
