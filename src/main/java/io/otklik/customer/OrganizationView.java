package io.otklik.customer;

/** An organization as shown to agents. */
public record OrganizationView(OrganizationId id, String name, String domain) {
}
