package io.otklik.identity;

import java.time.Instant;

/** A token as listed to its owner: never the token itself. */
public record TokenView(long id, String name, String hint, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {

    public boolean active() {
        return revokedAt == null;
    }
}
