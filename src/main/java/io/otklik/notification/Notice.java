package io.otklik.notification;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One notice to send: {@code key} names it uniquely (a listener that runs twice sends it once); the variables fill
 * the template of its kind in the recipient's language. {@code cc}: addresses that get the same mail in copy (a
 * ticket's followers on a public reply), already cleared of those we never write to.
 */
record Notice(String key, NotificationKind kind, Long ticketId, Long customerId, String recipient, Locale language,
        Map<String, String> variables, Long ticketMessageId, List<String> cc) {

    Notice {
        cc = cc == null ? List.of() : List.copyOf(cc);
    }

    /** A notice to one recipient, nobody in copy. */
    Notice(String key, NotificationKind kind, Long ticketId, Long customerId, String recipient, Locale language,
            Map<String, String> variables, Long ticketMessageId) {
        this(key, kind, ticketId, customerId, recipient, language, variables, ticketMessageId, List.of());
    }
}
