package io.otklik.ticket;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** All attachments of all tickets. */
interface TicketAttachments extends JpaRepository<TicketAttachment, Long> {

    List<TicketAttachment> findByTicketIdOrderByIdAsc(Long ticketId);

    /** Puts a message's files on the ticket the message was moved to. */
    @Modifying(flushAutomatically = true)
    @Query("update TicketAttachment a set a.ticketId = :ticket where a.messageId = :message")
    int moveWithMessage(@Param("message") long messageId, @Param("ticket") long ticketId);
}
