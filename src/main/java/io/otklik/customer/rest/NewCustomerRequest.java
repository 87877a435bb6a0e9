package io.otklik.customer.rest;

import io.otklik.customer.NewCustomer;
import io.otklik.customer.OrganizationId;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/v1/customers}: a name and an email or a phone; the organization is optional. */
record NewCustomerRequest(
        @NotBlank(message = "{error.required}") @Size(max = 200, message = "{error.too-long}") String name,
        @Email(message = "{error.email}") @Size(max = 320, message = "{error.too-long}") String email,
        @Size(max = 40, message = "{error.too-long}") String phone,
        Long organizationId) {

    NewCustomer toNewCustomer() {
        return new NewCustomer(name, email, phone, organizationId == null ? null : new OrganizationId(organizationId));
    }
}
