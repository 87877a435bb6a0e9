package io.otklik.notification;

import java.util.Locale;
import java.util.Map;

/**
 * One notice to send: {@code key} names it uniquely (a listener that runs twice sends it once); the variables fill
 * the template of its kind in the recipient's language.
 */
record Notice(String key, NotificationKind kind, Long ticketId, Long customerId, String recipient, Locale language,
        Map<String, String> variables, Long ticketMessageId) {
}
