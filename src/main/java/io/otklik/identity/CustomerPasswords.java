package io.otklik.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Password sign-in of customers: finds the customer by email (through {@link CustomerLookup}) and their password,
 * and keeps count of failed tries on their credentials for {@link ThrottledSignIn}.
 */
@Component
class CustomerPasswords implements SignInLocks {

    private final ObjectProvider<CustomerLookup> lookup;
    private final CustomerCredentials credentials;
    private final TransactionTemplate transactions;

    CustomerPasswords(ObjectProvider<CustomerLookup> lookup, CustomerCredentials credentials,
            TransactionTemplate transactions) {
        this.lookup = lookup;
        this.credentials = credentials;
        this.transactions = transactions;
    }

    /** The customer with this email and a password; customers without a password sign in by link only. */
    UserDetails load(String email) {
        return credentialOf(email).filter(CustomerCredential::hasPassword)
                .map(credential -> new CustomerUser(credential.customerId(), credential.passwordHash()))
                .orElseThrow(() -> new UsernameNotFoundException("no customer password"));
    }

    OptionalLong customerWithEmail(String email) {
        CustomerLookup customers = lookup.getIfAvailable();
        if (customers == null || email == null || email.isBlank()) {
            return OptionalLong.empty();
        }
        return customers.customerWithEmail(email.strip());
    }

    @Override
    public Duration lockRemaining(String login, Instant now) {
        return credentialOf(login).map(credential -> credential.lockRemaining(now)).orElse(Duration.ZERO);
    }

    @Override
    public void succeeded(String login) {
        transactions.executeWithoutResult(tx -> credentialOf(login).ifPresent(CustomerCredential::signedIn));
    }

    @Override
    public void failed(String login, Instant now, int maxFailures, Duration baseLock) {
        transactions.executeWithoutResult(tx -> credentialOf(login)
                .ifPresent(credential -> credential.signInFailed(now, maxFailures, baseLock)));
    }

    private Optional<CustomerCredential> credentialOf(String email) {
        OptionalLong customer = customerWithEmail(email);
        return customer.isPresent() ? credentials.findById(customer.getAsLong()) : Optional.empty();
    }
}
