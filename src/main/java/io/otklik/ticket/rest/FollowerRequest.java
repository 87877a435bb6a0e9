package io.otklik.ticket.rest;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/v1/tickets/{number}/followers}: a follower by email (found among customers, or registered
 * with {@code name}) or a known customer by {@code customerId}; exactly one of the two.
 */
record FollowerRequest(@Size(max = 400, message = "{error.too-long}") String email,
        @Size(max = 200, message = "{error.too-long}") String name, Long customerId) {

    /** Reported on the field {@code follower}. */
    @AssertTrue(message = "{ticket.follower.email-or-customer}")
    public boolean isFollower() {
        return (email == null) != (customerId == null);
    }
}
