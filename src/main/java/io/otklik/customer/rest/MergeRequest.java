package io.otklik.customer.rest;

import jakarta.validation.constraints.NotNull;

/** Body of {@code POST /api/v1/customers/{id}/merge}: the duplicate to merge into the customer of the path. */
record MergeRequest(@NotNull(message = "{error.required}") Long duplicateId) {
}
