package io.otklik.ticket;

/** A request category as listed. */
public record CategoryView(long id, String name) {
}
