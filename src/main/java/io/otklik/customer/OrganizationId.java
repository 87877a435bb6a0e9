package io.otklik.customer;

/** Identifies an organization. */
public record OrganizationId(long value) {
}
