package io.otklik.ticket;

import java.time.Instant;

import io.otklik.customer.CustomerId;

/**
 * A follower of a ticket as agents see them: the customer's name and primary email as they are now ({@code email} is
 * null for a customer known only by phone or messenger, who gets no copies), how and since when they follow.
 */
public record FollowerView(CustomerId customer, String name, String email, FollowSource source, Instant since) {
}
