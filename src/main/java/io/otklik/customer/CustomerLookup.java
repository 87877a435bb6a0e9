package io.otklik.customer;

import io.otklik.shared.NotFoundException;

import org.springframework.stereotype.Component;

/** Loads customers by id for the module's services, following merges where the answer should be about a person. */
@Component
class CustomerLookup {

    /** Merges are re-pointed to the final customer, so one step is the rule; this only guards against a loop. */
    private static final int MAX_STEPS = 10;

    private final Customers customers;

    CustomerLookup(Customers customers) {
        this.customers = customers;
    }

    /** The customer with this id, merged or not. */
    Customer stored(CustomerId id) {
        return customers.findById(id.value()).orElseThrow(() -> new NotFoundException("customer.not-found", id.value()));
    }

    /** The customer this id stands for now: itself, or the customer it was merged into. */
    Customer live(CustomerId id) {
        Customer customer = stored(id);
        for (int step = 0; customer.merged() && step < MAX_STEPS; step++) {
            customer = stored(new CustomerId(customer.mergedInto()));
        }
        return customer;
    }
}
