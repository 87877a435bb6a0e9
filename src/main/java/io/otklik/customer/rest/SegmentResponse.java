package io.otklik.customer.rest;

import io.otklik.customer.SegmentView;

/** A segment and how many customers are in it. */
record SegmentResponse(String name, long customers) {

    static SegmentResponse of(SegmentView segment) {
        return new SegmentResponse(segment.name(), segment.customers());
    }
}
