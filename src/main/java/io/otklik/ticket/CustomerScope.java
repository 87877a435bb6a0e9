package io.otklik.ticket;

import java.util.Objects;

import io.otklik.customer.CustomerId;
import io.otklik.customer.OrganizationId;

/**
 * Which tickets a customer may see: their own (as requester), and, when {@code organization} is given, every
 * ticket of that organization too (for a customer allowed to follow their colleagues' requests).
 */
public record CustomerScope(CustomerId customer, OrganizationId organization) {

    public CustomerScope {
        Objects.requireNonNull(customer);
    }

    /** The customer's own tickets only. */
    public static CustomerScope own(CustomerId customer) {
        return new CustomerScope(customer, null);
    }

    /** The customer's own tickets, plus their organization's when {@code includeOrganization} and they have one. */
    public static CustomerScope of(CustomerId customer, boolean includeOrganization, OrganizationId organization) {
        return new CustomerScope(customer, includeOrganization ? organization : null);
    }

    boolean maySee(Long requesterId, Long organizationId) {
        return requesterId != null && requesterId == customer.value()
                || organization != null && organizationId != null && organizationId == organization.value();
    }
}
