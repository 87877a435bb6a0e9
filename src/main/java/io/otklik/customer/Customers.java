package io.otklik.customer;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** All customers. */
interface Customers extends JpaRepository<Customer, Long> {

    Optional<Customer> findByEmail(String email);

    Optional<Customer> findFirstByPhoneOrderByIdAsc(String phone);

    List<Customer> findByIdIn(Collection<Long> ids);

    @Query("""
            select c from Customer c
            where lower(c.name) like :pattern or c.email like :pattern or c.phone like :pattern
            order by c.name""")
    List<Customer> search(String pattern, Pageable page);
}
