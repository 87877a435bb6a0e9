package io.otklik.channel.email;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The mailboxes there are, and their addresses and logins, as one copy in memory read again when it is two seconds
 * old: asked for every mail (may mail be handed in for this mailbox; is this sender one of ours), they cost four
 * queries a mail when each question went to the database. A mailbox saved on this node is seen at once (the copy is
 * dropped when the change commits), one saved on another node within two seconds; a mailbox id not in the copy is
 * looked up at once. Mailboxes are never deleted, so an id once known stays true.
 */
@Component
class KnownMailboxes {

    private static final long FRESH_NANOS = TimeUnit.SECONDS.toNanos(2);

    private final JdbcClient jdbc;
    private volatile Copy copy;

    KnownMailboxes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether there is a mailbox with this id. */
    boolean exists(long id) {
        return current().ids().contains(id) || read().ids().contains(id);
    }

    /** Whether the address (any case) is the address or the login of one of the mailboxes. */
    boolean isMailboxAddress(String address) {
        return current().addresses().contains(address.strip().toLowerCase(Locale.ROOT));
    }

    /** Reads the mailboxes again once the current transaction commits (at once when there is none). */
    void changed() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    copy = null;
                }
            });
        }
        copy = null;
    }

    private Copy current() {
        Copy kept = copy;
        return kept != null && System.nanoTime() - kept.readAt() < FRESH_NANOS ? kept : read();
    }

    private Copy read() {
        long readAt = System.nanoTime();
        Set<Long> ids = new HashSet<>();
        Set<String> addresses = new HashSet<>();
        jdbc.sql("select id, address, username from mail_account").query(rs -> {
            ids.add(rs.getLong(1));
            for (int column = 2; column <= 3; column++) {
                String value = rs.getString(column);
                if (value != null && !value.isBlank()) {
                    addresses.add(value.strip().toLowerCase(Locale.ROOT));
                }
            }
        });
        Copy fresh = new Copy(readAt, Set.copyOf(ids), Set.copyOf(addresses));
        copy = fresh;
        return fresh;
    }

    private record Copy(long readAt, Set<Long> ids, Set<String> addresses) {
    }
}
