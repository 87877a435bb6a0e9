package io.otklik.customer.rest;

import io.otklik.customer.ContactKind;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/v1/customers/{id}/contacts}: one more address of the customer. */
record ContactRequest(@NotNull(message = "{error.required}") ContactKind kind,
        @NotBlank(message = "{error.required}") @Size(max = 320, message = "{error.too-long}") String value) {
}
