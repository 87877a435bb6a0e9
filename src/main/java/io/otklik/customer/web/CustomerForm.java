package io.otklik.customer.web;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.otklik.customer.NewCustomer;
import io.otklik.customer.OrganizationId;

/**
 * The form that registers a customer by hand (a call, a walk-in). Without a chosen organization the customer
 * joins the one whose email domain matches their address.
 */
record CustomerForm(
        @NotBlank(message = "{customer.form.name-required}")
        @Size(max = 200, message = "{customer.form.name-too-long}")
        String name,
        @Email(message = "{customer.form.email-invalid}") @Size(max = 320, message = "{customer.form.email-invalid}")
        String email,
        @Pattern(regexp = "[+0-9 ()\\-]{5,40}|", message = "{customer.form.phone-invalid}")
        String phone,
        Long organizationId) {

    static CustomerForm empty() {
        return new CustomerForm("", "", "", null);
    }

    NewCustomer toNewCustomer() {
        return new NewCustomer(name.strip(), blankToNull(email), blankToNull(phone),
                organizationId == null ? null : new OrganizationId(organizationId));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
