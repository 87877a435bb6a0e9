package io.otklik.identity;

import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

import io.otklik.shared.RuleViolationException;
import io.otklik.shared.SupportedLanguages;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A customer's portal settings: the password (optional; links work without one) and the preferred language. */
@Service
public class CustomerAccounts {

    public static final int MIN_PASSWORD = 8;
    public static final int MAX_PASSWORD = 200;

    private final CustomerCredentials credentials;
    private final PasswordEncoder passwords;
    private final Audit audit;
    private final Clock clock;

    CustomerAccounts(CustomerCredentials credentials, PasswordEncoder passwords, Audit audit, Clock clock) {
        this.credentials = credentials;
        this.passwords = passwords;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public boolean hasPassword(long customerId) {
        return credentials.findById(customerId).map(CustomerCredential::hasPassword).orElse(false);
    }

    /** Sets or replaces the customer's password ({@value #MIN_PASSWORD}–{@value #MAX_PASSWORD} characters). */
    @Transactional
    public void setPassword(long customerId, String password) {
        if (password == null || password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD
                || password.isBlank()) {
            throw new RuleViolationException("customer-password.invalid", MIN_PASSWORD, MAX_PASSWORD);
        }
        credentialOf(customerId).changePassword(passwords.encode(password));
        audit.recordAs("customer:" + customerId, "portal-password.set", null);
    }

    /** The language the customer chose for the portal and for mail to them, if they chose one. */
    @Transactional(readOnly = true)
    public Optional<Locale> languageOf(long customerId) {
        return credentials.findById(customerId).map(CustomerCredential::language);
    }

    @Transactional
    public void changeLanguage(long customerId, Locale language) {
        credentialOf(customerId).changeLanguage(SupportedLanguages.nearest(language));
    }

    private CustomerCredential credentialOf(long customerId) {
        return credentials.findById(customerId)
                .orElseGet(() -> credentials.save(new CustomerCredential(customerId, clock.instant())));
    }
}
