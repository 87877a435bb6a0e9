package io.otklik.customer;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

/** All organizations. */
interface Organizations extends JpaRepository<Organization, Long> {

    Optional<Organization> findByDomain(String domain);

    List<Organization> findByIdIn(Collection<Long> ids);

    List<Organization> findAllByOrderByNameAsc();
}
