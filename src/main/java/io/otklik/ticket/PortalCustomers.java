package io.otklik.ticket;

import java.util.Optional;

import io.otklik.customer.CustomerCard;
import io.otklik.customer.CustomerDirectory;
import io.otklik.customer.CustomerId;
import io.otklik.identity.CustomerSignIn;

import org.springframework.stereotype.Component;

/**
 * Which tickets the customer signed in to the portal in this request may see: for the portal's pages, and for
 * regions of them other modules serve under {@code /portal/**} (composed into the page by htmx), which check a
 * ticket with {@link CustomerTickets} and this scope.
 */
@Component
public class PortalCustomers {

    private final CustomerSignIn signIn;
    private final CustomerDirectory customers;

    PortalCustomers(CustomerSignIn signIn, CustomerDirectory customers) {
        this.signIn = signIn;
        this.customers = customers;
    }

    /**
     * Their own tickets, and their organization's when the customer module says they may see them (an
     * organization's manager); empty when no customer is signed in. A customer merged into another since signing in
     * sees the tickets of the one they became.
     */
    public Optional<CustomerScope> currentScope() {
        return signIn.current().map(c -> {
            CustomerCard card = customers.card(new CustomerId(c.customerId()));
            return CustomerScope.of(card.id(), card.seesOrganizationTickets(), card.organizationId());
        });
    }
}
