package io.otklik.customer;

import java.time.Instant;

/**
 * A duplicate customer was merged into another: the duplicate's addresses, segments and field values now belong to
 * {@code into}, and whatever other modules keep for the duplicate should follow.
 */
public record CustomersMerged(CustomerId duplicate, CustomerId into, Instant at) {
}
