package io.otklik.ticket;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

/** All attachments of all tickets. */
interface TicketAttachments extends JpaRepository<TicketAttachment, Long> {

    List<TicketAttachment> findByTicketIdOrderByIdAsc(Long ticketId);
}
