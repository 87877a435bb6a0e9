package io.otklik.customer.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import io.otklik.customer.CustomerSegments;

/** The form that adds a segment of customers. */
record SegmentForm(
        @NotBlank(message = "{customer.segment.name-required}")
        @Size(max = CustomerSegments.MAX_NAME_LENGTH, message = "{customer.segment.name-too-long}")
        String name) {

    static SegmentForm empty() {
        return new SegmentForm("");
    }
}
