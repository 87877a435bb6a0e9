package io.otklik.identity;

import java.util.Collection;
import java.util.List;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * A customer signed in to the portal, as Spring Security holds them. Their only authority is ROLE_CUSTOMER, which
 * no staff role implies nor is implied by, so a customer passes no staff check even if one were reached.
 */
final class CustomerUser implements UserDetails, CredentialsContainer {

    static final String AUTHORITY = "ROLE_CUSTOMER";

    private final SignedInCustomer customer;
    private String passwordHash;

    CustomerUser(long customerId, String passwordHash) {
        this.customer = new SignedInCustomer(customerId);
        this.passwordHash = passwordHash;
    }

    SignedInCustomer customer() {
        return customer;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(AUTHORITY));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    /** How the customer appears in the audit log. */
    @Override
    public String getUsername() {
        return "customer:" + customer.customerId();
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CustomerUser that && that.customer.equals(customer);
    }

    @Override
    public int hashCode() {
        return customer.hashCode();
    }
}
