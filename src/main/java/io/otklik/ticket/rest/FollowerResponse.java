package io.otklik.ticket.rest;

import java.time.Instant;

import io.otklik.ticket.FollowSource;
import io.otklik.ticket.FollowerView;

/** A follower of a ticket: who (their primary email, if any, gets the ticket's public replies in copy), how, since. */
record FollowerResponse(long customerId, String name, String email, FollowSource source, Instant since) {

    static FollowerResponse of(FollowerView f) {
        return new FollowerResponse(f.customer().value(), f.name(), f.email(), f.source(), f.since());
    }
}
