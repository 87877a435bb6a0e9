package io.otklik.portal.web;

import io.otklik.customer.CustomerCard;
import io.otklik.customer.CustomerDirectory;
import io.otklik.customer.CustomerId;
import io.otklik.identity.CustomerSignIn;
import io.otklik.shared.NotFoundException;
import io.otklik.ticket.CustomerScope;

import org.springframework.stereotype.Component;

/** The customer signed in to the portal in this request, and which tickets they may see. */
@Component
class PortalCustomer {

    private final CustomerSignIn signIn;
    private final CustomerDirectory customers;

    PortalCustomer(CustomerSignIn signIn, CustomerDirectory customers) {
        this.signIn = signIn;
        this.customers = customers;
    }

    CustomerId id() {
        return signIn.current().map(c -> new CustomerId(c.customerId()))
                .orElseThrow(() -> new NotFoundException("account.not-signed-in"));
    }

    CustomerCard card() {
        return customers.card(id());
    }

    /**
     * Their own tickets. Organization tickets are for customers the customer module marks as allowed to see them:
     * pass {@code CustomerScope.of(id, allowed, organization)} here once it does.
     */
    CustomerScope scope() {
        return CustomerScope.own(id());
    }

    boolean signedIn() {
        return signIn.current().isPresent();
    }
}
