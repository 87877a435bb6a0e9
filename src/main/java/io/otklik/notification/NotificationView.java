package io.otklik.notification;

import java.time.Instant;

import io.otklik.channel.DeliveryState;

/**
 * A notice as shown on the ticket: what, to whom, when, and how its delivery stands — or why it was not sent
 * ({@code suppressed}: no-address, own-address, system-sender, too-many).
 */
public record NotificationView(long id, NotificationKind kind, NotificationKind.Audience audience, String recipient,
        String language, Instant createdAt, String suppressed, DeliveryState delivery) {
}
