package io.otklik.identity;

import org.springframework.data.jpa.repository.JpaRepository;

/** All customers' portal credentials, by customer id. */
interface CustomerCredentials extends JpaRepository<CustomerCredential, Long> {
}
