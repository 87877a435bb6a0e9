package io.otklik.identity;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** A personal API token; only its SHA-256 is kept, the token itself is shown once. */
@Entity
@Table(name = "api_token")
class ApiToken {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "api_token_seq")
    @SequenceGenerator(name = "api_token_seq", sequenceName = "api_token_seq", allocationSize = 50)
    private Long id;

    private Long userId;
    private String name;
    private String tokenHash;
    private String hint;
    private Instant createdAt;
    private Instant lastUsedAt;
    private Instant revokedAt;

    protected ApiToken() {
    }

    ApiToken(long userId, String name, String tokenHash, String hint, Instant now) {
        this.userId = userId;
        this.name = name;
        this.tokenHash = tokenHash;
        this.hint = hint;
        this.createdAt = now;
    }

    void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }

    /** Notes a use, at most once a minute, so heavy API use does not write on every request. */
    boolean used(Instant now) {
        if (lastUsedAt == null || lastUsedAt.plusSeconds(60).isBefore(now)) {
            lastUsedAt = now;
            return true;
        }
        return false;
    }

    boolean active() {
        return revokedAt == null;
    }

    TokenView view() {
        return new TokenView(id, name, hint, createdAt, lastUsedAt, revokedAt);
    }

    Long id() {
        return id;
    }

    Long userId() {
        return userId;
    }

    String name() {
        return name;
    }
}
