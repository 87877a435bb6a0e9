package io.otklik.customer.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.otklik.customer.ContactKind;

/** The form on the customer's page that adds an address: its kind and the address as typed. */
record ContactForm(
        @NotNull(message = "{customer.contact.kind-required}") ContactKind kind,
        @NotBlank(message = "{customer.contact.required}")
        @Size(max = ContactKind.MAX_LENGTH, message = "{customer.contact.too-long}")
        String value) {

    static ContactForm empty() {
        return new ContactForm(ContactKind.EMAIL, "");
    }
}
