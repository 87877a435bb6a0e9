package io.otklik.notification;

import java.time.Instant;
import java.util.List;

import io.otklik.channel.DeliveryState;

/**
 * A notice as shown on the ticket: what, to whom, when, and how its delivery stands — or why it was not sent
 * ({@code suppressed}: no-address, own-address, system-sender, too-many). {@code cc}: who got the same mail in copy
 * (a ticket's followers on a public reply).
 */
public record NotificationView(long id, NotificationKind kind, NotificationKind.Audience audience, String recipient,
        String language, Instant createdAt, String suppressed, DeliveryState delivery, List<String> cc) {
}
