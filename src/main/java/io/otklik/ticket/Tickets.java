package io.otklik.ticket;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

/** All tickets, by number. */
interface Tickets extends JpaRepository<Ticket, Long> {

    List<Ticket> findByRequesterIdOrderById(Long requesterId);
}
