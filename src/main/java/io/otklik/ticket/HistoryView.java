package io.otklik.ticket;

import java.time.Instant;

/**
 * One line of a ticket's history. {@code field} names what changed (status, priority, assignee, …); values are
 * stored as shown then (enum names, or names of people and teams).
 */
public record HistoryView(Instant at, Actor actor, String field, String oldValue, String newValue) {
}
