package io.otklik.portal.web;

import io.otklik.customer.CustomerCard;
import io.otklik.customer.CustomerDirectory;
import io.otklik.customer.CustomerId;
import io.otklik.identity.CustomerSignIn;
import io.otklik.shared.NotFoundException;
import io.otklik.ticket.CustomerScope;
import io.otklik.ticket.PortalCustomers;

import org.springframework.stereotype.Component;

/** The customer signed in to the portal in this request, and which tickets they may see. */
@Component
class PortalCustomer {

    private final CustomerSignIn signIn;
    private final CustomerDirectory customers;
    private final PortalCustomers scopes;

    PortalCustomer(CustomerSignIn signIn, CustomerDirectory customers, PortalCustomers scopes) {
        this.signIn = signIn;
        this.customers = customers;
        this.scopes = scopes;
    }

    CustomerId id() {
        return signIn.current().map(c -> new CustomerId(c.customerId()))
                .orElseThrow(() -> new NotFoundException("account.not-signed-in"));
    }

    CustomerCard card() {
        return customers.card(id());
    }

    /**
     * Their own tickets, and their organization's when the customer module says they may see them (an
     * organization's manager). A customer merged into another since signing in sees the tickets of the one they
     * became.
     */
    CustomerScope scope() {
        return scopes.currentScope().orElseThrow(() -> new NotFoundException("account.not-signed-in"));
    }

    boolean signedIn() {
        return signIn.current().isPresent();
    }
}
