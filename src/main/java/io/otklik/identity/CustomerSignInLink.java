package io.otklik.identity;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** A one-time sign-in link of a customer: only the SHA-256 of its token is kept. */
@Entity
@Table(name = "customer_sign_in_link")
class CustomerSignInLink {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "customer_sign_in_link_seq")
    @SequenceGenerator(name = "customer_sign_in_link_seq", sequenceName = "customer_sign_in_link_seq",
            allocationSize = 50)
    private Long id;

    private Long customerId;
    private String tokenHash;
    private Instant createdAt;
    private Instant expiresAt;
    private Instant usedAt;

    protected CustomerSignInLink() {
    }

    CustomerSignInLink(long customerId, String tokenHash, Instant now, Instant expiresAt) {
        this.customerId = customerId;
        this.tokenHash = tokenHash;
        this.createdAt = now;
        this.expiresAt = expiresAt;
    }

    CustomerLinkState stateAt(Instant now) {
        if (usedAt != null) {
            return CustomerLinkState.USED;
        }
        return expiresAt.isAfter(now) ? CustomerLinkState.VALID : CustomerLinkState.EXPIRED;
    }

    long customerId() {
        return customerId;
    }
}
