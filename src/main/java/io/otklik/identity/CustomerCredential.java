package io.otklik.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A customer's portal sign-in: an optional password, the language they prefer, and failed sign-ins. Keyed by the
 * customer module's id; a row exists once the customer has set a password or a language.
 */
@Entity
@Table(name = "customer_credential")
class CustomerCredential {

    @Id
    private Long customerId;

    private String passwordHash;
    private String language;
    @Column(name = "failed_sign_ins")
    private int failedSignIns;
    private Instant lockedUntil;
    private Instant createdAt;

    @Version
    private Long version;

    protected CustomerCredential() {
    }

    CustomerCredential(long customerId, Instant now) {
        this.customerId = customerId;
        this.createdAt = now;
    }

    void changePassword(String newHash) {
        this.passwordHash = newHash;
        this.failedSignIns = 0;
        this.lockedUntil = null;
    }

    void changeLanguage(Locale locale) {
        this.language = locale.getLanguage();
    }

    void signInFailed(Instant now, int maxFailures, Duration baseLock) {
        failedSignIns++;
        if (failedSignIns >= maxFailures) {
            int excess = Math.min(failedSignIns - maxFailures, 5);
            lockedUntil = now.plus(baseLock.multipliedBy(1L << excess));
        }
    }

    void signedIn() {
        failedSignIns = 0;
        lockedUntil = null;
    }

    Duration lockRemaining(Instant now) {
        return lockedUntil == null || !lockedUntil.isAfter(now) ? Duration.ZERO : Duration.between(now, lockedUntil);
    }

    long customerId() {
        return customerId;
    }

    String passwordHash() {
        return passwordHash;
    }

    boolean hasPassword() {
        return passwordHash != null;
    }

    Locale language() {
        return language == null ? null : Locale.of(language);
    }
}
