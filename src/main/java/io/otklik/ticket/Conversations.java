package io.otklik.ticket;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.otklik.shared.RuleViolationException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A ticket's conversation: agents' replies and notes, customers' messages, their attachments. */
@Service
public class Conversations {

    private final TicketStore store;
    private final TicketMessages messages;
    private final TicketAttachments attachments;
    private final AttachmentStore files;
    private final Actors actors;

    Conversations(TicketStore store, TicketMessages messages, TicketAttachments attachments, AttachmentStore files,
            Actors actors) {
        this.store = store;
        this.messages = messages;
        this.attachments = attachments;
        this.files = files;
        this.actors = actors;
    }

    /** Adds the signed-in agent's public reply or internal note, and optionally moves the status on. */
    @Transactional
    public long add(TicketId id, NewMessage message) {
        Ticket ticket = store.load(id);
        Actor actor = actors.current();
        Instant now = store.now();
        long messageId = append(ticket, message.kind(), actor, Channel.AGENT, message.body(),
                message.attachments() == null ? List.of() : message.attachments(), now);
        if (message.statusAfter() != null) {
            ticket.changeStatus(message.statusAfter(), actor, now);
        }
        store.save(ticket);
        return messageId;
    }

    /** The whole conversation, oldest first, with attachments; notes included (this is the agents' view). */
    @Transactional(readOnly = true)
    public List<MessageView> of(TicketId id) {
        store.load(id);
        return read(id.value());
    }

    /** The conversation of a ticket whose access the caller has checked. */
    List<MessageView> read(long ticketId) {
        Map<Long, List<AttachmentView>> byMessage = attachments.findByTicketIdOrderByIdAsc(ticketId).stream()
                .map(TicketAttachment::view).collect(Collectors.groupingBy(AttachmentView::messageId));
        return messages.findByTicketIdOrderByCreatedAtAscIdAsc(ticketId).stream()
                .map(m -> m.view(byMessage.getOrDefault(m.id(), List.of()))).toList();
    }

    long append(Ticket ticket, MessageKind kind, Actor author, Channel channel, String body,
            List<NewAttachment> newAttachments, Instant now) {
        return append(ticket, kind, author, channel, body, newAttachments, now, message -> { });
    }

    /**
     * As above; {@code details} completes the message before it is saved (a channel's formatted body and origin):
     * Hibernate writes a new entity as it was when saved, so anything set after would cost an update.
     */
    long append(Ticket ticket, MessageKind kind, Actor author, Channel channel, String body,
            List<NewAttachment> newAttachments, Instant now, java.util.function.Consumer<TicketMessage> details) {
        String text = body == null ? "" : body.strip();
        if (text.isEmpty() && newAttachments.isEmpty()) {
            throw new RuleViolationException("message.body-required");
        }
        if (text.length() > TicketMessage.MAX_BODY) {
            throw new RuleViolationException("message.body-too-long", TicketMessage.MAX_BODY);
        }
        List<StoredFile> stored = newAttachments.stream().map(files::store).toList();
        TicketMessage written = new TicketMessage(ticket.getId(), kind, author, channel, text, now);
        details.accept(written);
        TicketMessage message = messages.save(written);
        attachments.saveAll(stored.stream()
                .map(file -> new TicketAttachment(ticket.getId(), message.id(), file, now)).toList());
        ticket.messageAdded(message.id(), kind, author, now);
        return message.id();
    }
}
