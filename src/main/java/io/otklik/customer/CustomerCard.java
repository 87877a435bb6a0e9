package io.otklik.customer;

import java.time.Instant;

/** A customer as agents see them: contacts and organization. */
public record CustomerCard(CustomerId id, String name, String email, String phone, OrganizationId organizationId,
        String organizationName, Instant since) {
}
