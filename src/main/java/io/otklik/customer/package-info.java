/**
 * Customers (the people who ask for help) and their organizations.
 * May use: shared, identity.
 */
@ApplicationModule(displayName = "Customers", allowedDependencies = {"shared", "identity"})
package io.otklik.customer;

import org.springframework.modulith.ApplicationModule;
