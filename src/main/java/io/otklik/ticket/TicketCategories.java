package io.otklik.ticket;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

/** All request categories, in their configured order. */
interface TicketCategories extends JpaRepository<TicketCategory, Long> {

    List<TicketCategory> findAllByOrderByPositionAscNameAsc();

    boolean existsByName(String name);
}
