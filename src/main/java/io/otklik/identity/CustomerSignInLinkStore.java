package io.otklik.identity;

import java.time.Instant;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/** All customers' sign-in links. */
interface CustomerSignInLinkStore extends JpaRepository<CustomerSignInLink, Long> {

    Optional<CustomerSignInLink> findByTokenHash(String tokenHash);

    long countByCustomerIdAndCreatedAtAfter(Long customerId, Instant since);

    /**
     * Marks the link used if it still works; one statement, so two requests with the same link (two nodes, a
     * double click) cannot both succeed. Returns 1 when this call used it.
     */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("""
            update CustomerSignInLink l set l.usedAt = :now
            where l.tokenHash = :tokenHash and l.usedAt is null and l.expiresAt > :now""")
    int use(String tokenHash, Instant now);
}
