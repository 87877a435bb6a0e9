package io.otklik.portal;

import java.util.OptionalLong;

import io.otklik.customer.CustomerDirectory;
import io.otklik.customer.CustomerId;
import io.otklik.identity.CustomerLookup;

import org.springframework.stereotype.Component;

/** Tells identity which customer an address typed on the portal's sign-in page belongs to. */
@Component
class CustomerAddresses implements CustomerLookup {

    private final CustomerDirectory customers;

    CustomerAddresses(CustomerDirectory customers) {
        this.customers = customers;
    }

    @Override
    public OptionalLong customerWithEmail(String email) {
        return customers.findByEmail(email).map(CustomerId::value).map(OptionalLong::of).orElseGet(OptionalLong::empty);
    }
}
