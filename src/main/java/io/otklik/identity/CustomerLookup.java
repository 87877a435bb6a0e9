package io.otklik.identity;

import java.util.OptionalLong;

/**
 * Finds the customer an email address belongs to, for the portal's sign-in. Identity knows customers only by
 * their id; the module that may read the customer directory provides this.
 */
public interface CustomerLookup {

    /** The id of the customer with this address, if there is one. */
    OptionalLong customerWithEmail(String email);
}
