package io.otklik.customer;

import java.time.Instant;

/**
 * A customer as agents see them: primary email and phone, organization, and whether they are a manager of their
 * organization who may see all its tickets.
 */
public record CustomerCard(CustomerId id, String name, String email, String phone, OrganizationId organizationId,
        String organizationName, Instant since, boolean seesOrganizationTickets) {
}
