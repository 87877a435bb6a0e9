package io.otklik.ticket;

import org.springframework.data.jpa.repository.JpaRepository;

/** All tickets, by number. */
interface Tickets extends JpaRepository<Ticket, Long> {
}
