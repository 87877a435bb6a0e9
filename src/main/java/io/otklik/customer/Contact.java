package io.otklik.customer;

import java.time.Instant;

/**
 * One address of a customer. {@code value} is normalized (see {@link ContactKind}); {@code primary} marks the email
 * and the phone that cards and lists show.
 */
public record Contact(ContactKind kind, String value, boolean primary, Instant since) {
}
