package io.otklik.ticket;

import java.time.Instant;
import java.util.Set;

import io.otklik.customer.CustomerCard;
import io.otklik.customer.CustomerDirectory;
import io.otklik.customer.CustomerId;
import io.otklik.shared.NotFoundException;
import io.otklik.shared.RuleViolationException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Puts a message where it belongs when it landed on the wrong ticket: moves it to another ticket, or splits it off
 * into a new one. Its attachments go with it; both tickets record it in their history and are linked; the message
 * records why it is on its new ticket. A ticket's only message stays (the ticket would be left empty), and closed
 * tickets neither give nor take messages.
 */
@Service
public class MessageMoves {

    static final String MOVED_REASON = "thread.moved";
    static final String SPLIT_REASON = "thread.split";

    private final TicketStore store;
    private final TicketAccess access;
    private final TicketMessages messages;
    private final TicketAttachments attachments;
    private final TicketLinks links;
    private final CustomerDirectory customers;
    private final Actors actors;
    private final ApplicationEventPublisher events;

    MessageMoves(TicketStore store, TicketAccess access, TicketMessages messages, TicketAttachments attachments,
            TicketLinks links, CustomerDirectory customers, Actors actors, ApplicationEventPublisher events) {
        this.store = store;
        this.access = access;
        this.messages = messages;
        this.attachments = attachments;
        this.links = links;
        this.customers = customers;
        this.actors = actors;
        this.events = events;
    }

    /**
     * Moves message {@code messageId} of ticket {@code from} to ticket {@code to}. A target the caller may not see is
     * answered as one that does not exist.
     */
    @Transactional
    public Moved move(TicketId from, long messageId, TicketId to) {
        Ticket source = store.load(from);
        TicketMessage message = messageOn(source, messageId);
        if (from.equals(to)) {
            throw new RuleViolationException("message.move.same-ticket", source.reference());
        }
        mayLeave(source);
        Ticket target = store.find(to).map(ticket -> {
            try {
                return access.check(ticket);
            } catch (NotFoundException e) {
                return null;
            }
        }).orElseThrow(() -> new RuleViolationException("message.move.no-such-ticket", to.value()));
        if (target.status() == Status.CLOSED) {
            throw new RuleViolationException("message.move.target-closed", target.reference());
        }
        Actor actor = actors.current();
        Instant now = store.now();
        source.messageMovedAway(target.reference(), false, actor, now);
        target.messageMovedIn(source.reference(), false, actor, now);
        message.moveTo(target.getId(), MOVED_REASON + "|" + source.reference());
        links.add(to, from, TicketLinks.MOVED, now);
        // Always in the same order, so two agents moving messages between the same tickets both ways cannot
        // deadlock: the second waits, then finds the first's version and is refused.
        if (source.getId() < target.getId()) {
            store.save(source);
            store.save(target);
        } else {
            store.save(target);
            store.save(source);
        }
        attachments.moveWithMessage(messageId, target.getId());
        events.publishEvent(new MessageMoved(messageId, from, to));
        return new Moved(messageId, from, to, target.reference());
    }

    /**
     * Splits message {@code messageId} of ticket {@code from} off into a new ticket: the old subject, channel,
     * category and team; the message's author as requester when a customer wrote it, else the old ticket's
     * requester. Nobody is assigned yet.
     */
    @Transactional
    public Moved split(TicketId from, long messageId) {
        Ticket source = store.load(from);
        TicketMessage message = messageOn(source, messageId);
        mayLeave(source);
        CustomerCard requester = requesterOf(message, source);
        Actor actor = actors.current();
        Instant now = store.now();
        long number = store.nextNumber();
        NewTicketData data = new NewTicketData(source.subject(), null, source.categoryId(), source.channel(),
                requester.id().value(), requester.organizationId() == null ? null : requester.organizationId().value(),
                source.teamId(), null, Set.of());
        Ticket created = store.add(Ticket.open(number, store.referenceOf(number), data, actor, now));
        source.messageMovedAway(created.reference(), true, actor, now);
        created.messageMovedIn(source.reference(), true, actor, now);
        message.moveTo(number, SPLIT_REASON + "|" + source.reference());
        TicketId opened = new TicketId(number);
        store.save(created);
        links.add(opened, from, TicketLinks.SPLIT, now);
        store.save(source);
        attachments.moveWithMessage(messageId, number);
        events.publishEvent(new MessageMoved(messageId, from, opened));
        return new Moved(messageId, from, opened, created.reference());
    }

    /** Where a message went: {@code to} is the ticket it is on now (for a split, the new one). */
    public record Moved(long messageId, TicketId from, TicketId to, String toReference) {
    }

    private TicketMessage messageOn(Ticket source, long messageId) {
        return messages.findById(messageId).filter(m -> m.ticketId() == source.getId().longValue())
                .orElseThrow(() -> new NotFoundException("message.not-found", messageId));
    }

    /** Refuses to take a message off a closed ticket, or the only message off any ticket. */
    private void mayLeave(Ticket source) {
        if (source.status() == Status.CLOSED) {
            throw new RuleViolationException("ticket.closed", source.reference());
        }
        if (messages.countByTicketId(source.getId()) <= 1) {
            throw new RuleViolationException("message.move.only-message", source.reference());
        }
    }

    private CustomerCard requesterOf(TicketMessage message, Ticket source) {
        if (message.authorType() == Actor.Type.CUSTOMER && message.authorId() != null) {
            try {
                return customers.card(new CustomerId(message.authorId()));
            } catch (NotFoundException e) {
                // The author is gone from the directory: the ticket's requester stands in.
            }
        }
        return customers.card(new CustomerId(source.requesterId()));
    }
}
