package io.otklik.customer;

/** What it takes to register a customer; at least an email or a phone. Organization by id, else by email domain. */
public record NewCustomer(String name, String email, String phone, OrganizationId organizationId) {
}
