package io.otklik.customer;

/** Identifies a customer. */
public record CustomerId(long value) {
}
