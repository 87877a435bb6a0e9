package io.otklik.channel.email;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import io.otklik.channel.OwnAddresses;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Our own mail addresses: the From and Reply-To of our mail, every mailbox we read (and its login), the sandbox
 * support mailbox, and those listed in {@code otklik.notifications.own-addresses}. The mailboxes come from
 * {@link KnownMailboxes}: one saved on this node is ours at once, one saved on another node within two seconds.
 */
@Component
class MailOwnAddresses implements OwnAddresses {

    private final KnownMailboxes mailboxes;
    private final Set<String> configured = new HashSet<>();

    MailOwnAddresses(KnownMailboxes mailboxes, MailSettings settings,
            @Value("${otklik.notifications.own-addresses:}") String listed) {
        this.mailboxes = mailboxes;
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
        return mailboxes.isMailboxAddress(key);
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
