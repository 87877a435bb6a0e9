package io.otklik.channel;

/**
 * What a delivery failure report says: the Message-ID of the mail that failed (with angle brackets; null when the
 * report does not tell), the recipient it failed for, and the remote server's diagnostic (either may be null).
 */
public record BounceReport(String originalMessageId, String failedRecipient, String diagnostic) {
}
