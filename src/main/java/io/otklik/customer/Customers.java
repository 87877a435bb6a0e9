package io.otklik.customer;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

/** All customers, merged ones included. */
interface Customers extends JpaRepository<Customer, Long> {

    List<Customer> findByIdIn(Collection<Long> ids);

    long countByMergedIntoIsNull();
}
