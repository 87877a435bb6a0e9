package io.otklik.identity;

/** The customer signed in to the portal in the current request, by the customer module's id. */
public record SignedInCustomer(long customerId) implements java.io.Serializable {
}
