package io.otklik.ticket;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

/** All messages of all tickets. */
interface TicketMessages extends JpaRepository<TicketMessage, Long> {

    List<TicketMessage> findByTicketIdOrderByCreatedAtAscIdAsc(Long ticketId);

    long countByTicketId(Long ticketId);
}
