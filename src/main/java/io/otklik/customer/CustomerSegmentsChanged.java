package io.otklik.customer;

import java.time.Instant;
import java.util.List;

/**
 * Customers came into a segment or left one: put in or taken out by an agent, a segment deleted with its members, a
 * duplicate merged into them bringing its segments. Published in the transaction that changed them, so modules that
 * match on segments (service-level policies) re-check the customers' open tickets with the change or not at all.
 */
public record CustomerSegmentsChanged(List<CustomerId> customers, Instant at) {
}
