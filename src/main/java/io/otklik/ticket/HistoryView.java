package io.otklik.ticket;

import java.time.Instant;

/**
 * One line of a ticket's history. {@code field} names what changed (status, priority, assignee, …); values are
 * stored as shown then (enum names, or names of people and teams). A new follower is {@code follower-email-cc},
 * {@code follower-reply} or {@code follower-agent} (by {@link FollowSource#code()}) with "Name &lt;email&gt;" as the
 * new value; one who stopped following is {@code follower-removed} with them as the old value.
 */
public record HistoryView(Instant at, Actor actor, String field, String oldValue, String newValue) {
}
