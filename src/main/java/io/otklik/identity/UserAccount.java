package io.otklik.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A staff member's sign-in account. */
@Entity
@Table(name = "user_account")
class UserAccount {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "user_account_seq")
    @SequenceGenerator(name = "user_account_seq", sequenceName = "user_account_seq", allocationSize = 50)
    private Long id;

    private String login;
    private String displayName;
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    private Role role;

    private String locale;
    private boolean enabled;
    @Column(name = "failed_sign_ins")
    private int failedSignIns;
    private Instant lockedUntil;
    private Instant createdAt;

    @Version
    private long version;

    protected UserAccount() {
    }

    UserAccount(String login, String displayName, String passwordHash, Role role, Locale locale, Instant now) {
        this.login = normalize(login);
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.role = role;
        this.locale = locale == null ? null : locale.getLanguage();
        this.enabled = true;
        this.createdAt = now;
    }

    static String normalize(String login) {
        return login.trim().toLowerCase(Locale.ROOT);
    }

    /** Counts a failed sign-in; from {@code maxFailures} on, locks for {@code baseLock} doubled per further failure. */
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

    void changeLocale(Locale newLocale) {
        this.locale = newLocale.getLanguage();
    }

    void changePassword(String newHash) {
        this.passwordHash = newHash;
    }

    CurrentUser toCurrentUser() {
        return new CurrentUser(new UserId(id), login, displayName, role, locale == null ? null : Locale.of(locale));
    }

    Long id() {
        return id;
    }

    String login() {
        return login;
    }

    String passwordHash() {
        return passwordHash;
    }

    boolean enabled() {
        return enabled;
    }

    Role role() {
        return role;
    }
}
