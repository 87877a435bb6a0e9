package io.otklik.customer;

/** A segment and how many customers are in it. */
public record SegmentView(String name, long customers) {
}
