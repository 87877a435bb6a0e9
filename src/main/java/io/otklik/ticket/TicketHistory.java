package io.otklik.ticket;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

/** The recorded history of all tickets. */
interface TicketHistory extends JpaRepository<HistoryEntry, Long> {

    List<HistoryEntry> findByTicketIdOrderByAtAscIdAsc(Long ticketId);
}
