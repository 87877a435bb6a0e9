package io.otklik.customer.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** Query parameters of {@code GET /api/v1/customers}: the text to look for and how many to return. */
record CustomerSearch(String q,
        @Min(value = 1, message = "{error.min}") @Max(value = 100, message = "{error.max}") Integer size) {

    int sizeOrDefault() {
        return size == null ? 20 : size;
    }
}
