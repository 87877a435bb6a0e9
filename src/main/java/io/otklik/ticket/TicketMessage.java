package io.otklik.ticket;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import org.hibernate.annotations.DynamicUpdate;

/** One message of a ticket's conversation: a public reply (to or from the customer) or an internal note. */
@Entity
@Table(name = "ticket_message")
// Only the changed columns are written: the sender recording a reply's delivery and an agent moving that reply to
// another ticket change the same row at the same time, and writing every column put the moved reply back.
@DynamicUpdate
class TicketMessage {

    static final int MAX_BODY = 200_000;
    static final int MAX_DELIVERY_PROBLEM = 1000;
    static final int MAX_THREAD_REASON = 1000;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ticket_message_seq")
    @SequenceGenerator(name = "ticket_message_seq", sequenceName = "ticket_message_seq", allocationSize = 50)
    private Long id;

    private Long ticketId;

    @Enumerated(EnumType.STRING)
    private MessageKind kind;

    @Enumerated(EnumType.STRING)
    private Actor.Type authorType;

    private Long authorId;
    private String authorName;

    @Enumerated(EnumType.STRING)
    private Channel channel;

    private String bodyText;
    private String bodyHtml;

    @Enumerated(EnumType.STRING)
    private Delivery delivery;

    private String deliveryProblem;

    private Instant createdAt;

    /** Where the message came from, as its channel names it ("inbound:1042"); null for messages typed here. */
    private String origin;

    /** Why the message is on this ticket: a message key and an optional argument after '|'. */
    private String threadReason;

    protected TicketMessage() {
    }

    TicketMessage(long ticketId, MessageKind kind, Actor author, Channel channel, String bodyText, Instant now) {
        this.ticketId = ticketId;
        this.kind = kind;
        this.authorType = author.type();
        this.authorId = author.id();
        this.authorName = author.name();
        this.channel = channel;
        this.bodyText = bodyText;
        this.delivery = kind == MessageKind.INTERNAL_NOTE || author.type() != Actor.Type.AGENT
                ? Delivery.NONE : Delivery.PENDING;
        this.createdAt = now;
    }

    Long id() {
        return id;
    }

    Long ticketId() {
        return ticketId;
    }

    MessageKind kind() {
        return kind;
    }

    Actor.Type authorType() {
        return authorType;
    }

    Long authorId() {
        return authorId;
    }

    /** What a channel says of a message it brought: its formatted body, where it came from and why it is here. */
    void describe(String html, String origin, String reason) {
        this.bodyHtml = html;
        this.origin = origin;
        this.threadReason = reason == null || reason.length() <= MAX_THREAD_REASON ? reason
                : reason.substring(0, MAX_THREAD_REASON);
    }

    /** Puts the message on another ticket, saying why (a key and argument as in {@link #threadReason}). */
    void moveTo(long ticket, String reason) {
        this.ticketId = ticket;
        this.threadReason = reason.length() <= MAX_THREAD_REASON ? reason : reason.substring(0, MAX_THREAD_REASON);
    }

    /** Records what the channel reports; a problem is kept only while the message has not been sent. */
    boolean deliveryChanged(Delivery delivery, String problem) {
        String kept = delivery == Delivery.SENT || problem == null || problem.isBlank() ? null
                : problem.length() > MAX_DELIVERY_PROBLEM ? problem.substring(0, MAX_DELIVERY_PROBLEM) : problem;
        boolean changed = this.delivery != delivery || !java.util.Objects.equals(deliveryProblem, kept);
        this.delivery = delivery;
        this.deliveryProblem = kept;
        return changed;
    }

    MessageView view(java.util.List<AttachmentView> attachments) {
        return new MessageView(id, new TicketId(ticketId), kind, new Actor(authorType, authorId, authorName), channel,
                bodyText, delivery, createdAt, attachments, deliveryProblem, origin, threadReason);
    }
}
