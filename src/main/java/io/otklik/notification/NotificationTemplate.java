package io.otklik.notification;

import java.time.Instant;
import java.util.Locale;

/** A template as admins see it: subject and body with placeholders, and whether it was edited here. */
public record NotificationTemplate(NotificationKind kind, Locale language, String subject, String body,
        boolean edited, Instant updatedAt, String updatedBy) {
}
