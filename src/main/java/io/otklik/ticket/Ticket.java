package io.otklik.ticket;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import io.otklik.shared.RuleViolationException;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;

import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.domain.Persistable;

/**
 * A numbered request from a customer and everything support does about it. State changes go through the
 * methods below, which check the rules and record history; the service saves both in one transaction.
 */
@Entity
@Table(name = "ticket")
class Ticket extends AbstractAggregateRoot<Ticket> implements Persistable<Long> {

    static final int MAX_TAGS = 30;
    static final int MAX_TAG_LENGTH = 60;

    @Id
    private Long id;

    private String reference;
    private String subject;

    @Enumerated(EnumType.STRING)
    private Status status;

    @Enumerated(EnumType.STRING)
    private Priority priority;

    private Long categoryId;

    @Enumerated(EnumType.STRING)
    private Channel channel;

    private Long requesterId;
    private Long organizationId;
    private Long assigneeId;
    private Long teamId;

    @ElementCollection
    @CollectionTable(name = "ticket_tag", joinColumns = @JoinColumn(name = "ticket_id"))
    @Column(name = "tag")
    private Set<String> tags = new TreeSet<>();

    private Instant createdAt;
    private Instant updatedAt;
    private Instant solvedAt;
    private Instant closedAt;

    // Kept by the service levels through TicketDueTimes, only read here.
    @Column(insertable = false, updatable = false)
    private Instant nextDueAt;
    @Column(insertable = false, updatable = false)
    private Instant nextDueNearAt;
    @Column(insertable = false, updatable = false)
    private boolean nextDueBreached;

    @Version
    private long version;

    @Transient
    private boolean fresh;

    @Transient
    private final List<HistoryEntry> pendingHistory = new ArrayList<>();

    protected Ticket() {
    }

    private Ticket(long number, String reference, Instant now) {
        this.id = number;
        this.reference = reference;
        this.createdAt = now;
        this.updatedAt = now;
        this.status = Status.NEW;
        this.fresh = true;
    }

    /** Opens a ticket under an already drawn number. */
    static Ticket open(long number, String reference, NewTicketData data, Actor actor, Instant now) {
        Ticket ticket = new Ticket(number, reference, now);
        ticket.subject = subjectOf(data.subject());
        ticket.priority = data.priority() == null ? Priority.MEDIUM : data.priority();
        ticket.categoryId = data.categoryId();
        ticket.channel = data.channel();
        ticket.requesterId = data.requesterId();
        ticket.organizationId = data.organizationId();
        ticket.teamId = data.teamId();
        ticket.assigneeId = data.assigneeId();
        ticket.tags.addAll(normalizeTags(data.tags()));
        if (ticket.assigneeId != null) {
            ticket.status = Status.OPEN;
        }
        ticket.record(actor, now, "created", null, ticket.reference);
        ticket.registerEvent(new TicketOpened(new TicketId(number), ticket.reference, ticket.channel.name(),
                ticket.priority.name(), ticket.assigneeId != null, now));
        return ticket;
    }

    void changeSubject(String newSubject, Actor actor, Instant now) {
        String value = subjectOf(newSubject);
        if (!value.equals(subject)) {
            record(actor, now, "subject", subject, value);
            subject = value;
        }
    }

    void changeStatus(Status target, Actor actor, Instant now) {
        Objects.requireNonNull(target);
        if (target == status) {
            return;
        }
        if (!status.canMoveTo(target)) {
            throw new RuleViolationException("ticket.status.illegal", status, target);
        }
        record(actor, now, "status", status.name(), target.name());
        status = target;
        if (target == Status.SOLVED) {
            solvedAt = now;
        } else if (target == Status.CLOSED) {
            closedAt = now;
        } else {
            solvedAt = null;
        }
    }

    void prioritize(Priority target, Actor actor, Instant now) {
        if (target != null && target != priority) {
            record(actor, now, "priority", priority.name(), target.name());
            priority = target;
        }
    }

    /** Records which rule the changes that follow are made for (an escalation's code); shown in the history. */
    void escalated(String rule, Actor actor, Instant now) {
        record(actor, now, "escalation", null, rule);
    }

    void categorize(Long category, Actor actor, Instant now) {
        if (!Objects.equals(category, categoryId)) {
            record(actor, now, "category", str(categoryId), str(category));
            categoryId = category;
        }
    }

    /** Assigns to an agent (or nobody); a new ticket taken up by an agent becomes open. */
    void assign(Long agent, Actor actor, Instant now) {
        if (!Objects.equals(agent, assigneeId)) {
            refuseWhenClosed();
            record(actor, now, "assignee", str(assigneeId), str(agent));
            assigneeId = agent;
            if (agent != null && status == Status.NEW) {
                changeStatus(Status.OPEN, actor, now);
            }
        }
    }

    void assignTeam(Long team, Actor actor, Instant now) {
        if (!Objects.equals(team, teamId)) {
            refuseWhenClosed();
            record(actor, now, "team", str(teamId), str(team));
            teamId = team;
        }
    }

    /**
     * Hands the ticket to another requester (their customer record was merged into another). Closed tickets follow
     * too: they are the person's history. A ticket without an organization takes the new requester's.
     */
    void changeRequester(long customer, Long organization, Actor actor, Instant now) {
        if (!Objects.equals(customer, requesterId)) {
            record(actor, now, "requester", str(requesterId), Long.toString(customer));
            requesterId = customer;
            if (organizationId == null) {
                organizationId = organization;
            }
        }
    }

    void retag(Collection<String> newTags, Actor actor, Instant now) {
        Set<String> target = normalizeTags(newTags);
        if (!target.equals(tags)) {
            record(actor, now, "tags", String.join(", ", tags), String.join(", ", target));
            tags.clear();
            tags.addAll(target);
        }
    }

    /**
     * Takes a new message into account: an agent's public reply opens a new ticket; a customer's message
     * brings a pending, on-hold or solved ticket back to open. Closed tickets take no messages.
     */
    void messageAdded(long messageId, MessageKind kind, Actor actor, Instant now) {
        refuseWhenClosed();
        record(actor, now, kind == MessageKind.PUBLIC_REPLY ? "reply" : "note", null, String.valueOf(messageId));
        if (actor.type() == Actor.Type.CUSTOMER && status != Status.OPEN && status != Status.NEW) {
            changeStatus(Status.OPEN, actor, now);
        } else if (actor.type() == Actor.Type.AGENT && kind == MessageKind.PUBLIC_REPLY && status == Status.NEW) {
            changeStatus(Status.OPEN, actor, now);
        }
        // The message a ticket opens with is told by TicketOpened: a second event would only make every listener
        // run (and be recorded) twice for each new ticket.
        if (!fresh) {
            registerEvent(new MessageAdded(new TicketId(id), messageId, kind, actor.type(), now));
        }
    }

    /**
     * Records a link to another ticket in this one's history ({@code field} says which way, the value is the other
     * ticket's reference). Allowed on closed tickets too: a follow-up points back at the closed one.
     */
    void linked(String field, String otherReference, Actor actor, Instant now) {
        record(actor, now, field, null, otherReference);
    }

    /**
     * One of this ticket's messages went to ticket {@code to}: moved there, or ({@code split}) opened it. A closed
     * ticket keeps its messages.
     */
    void messageMovedAway(String to, boolean split, Actor actor, Instant now) {
        refuseWhenClosed();
        record(actor, now, split ? "message-split-to" : "message-moved-to", null, to);
    }

    /** A message of ticket {@code from} was moved here, or ({@code split}) this ticket was opened from it. */
    void messageMovedIn(String from, boolean split, Actor actor, Instant now) {
        refuseWhenClosed();
        record(actor, now, split ? "message-split-from" : "message-moved-from", null, from);
    }

    /** Marks the end of a change: bumps the update time and tells listeners which fields changed. */
    void changed(Instant now) {
        // A ticket being opened was stamped at opening; touching it again would cost an UPDATE after its INSERT.
        if (!pendingHistory.isEmpty() && !fresh) {
            updatedAt = now;
            List<String> fields = pendingHistory.stream().map(entry -> entry.view().field()).distinct().toList();
            registerEvent(new TicketChanged(new TicketId(id), fields, now));
        }
    }

    List<HistoryEntry> drainHistory() {
        List<HistoryEntry> drained = List.copyOf(pendingHistory);
        pendingHistory.clear();
        return drained;
    }

    private void refuseWhenClosed() {
        if (status == Status.CLOSED) {
            throw new RuleViolationException("ticket.closed", reference);
        }
    }

    private void record(Actor actor, Instant now, String field, String oldValue, String newValue) {
        pendingHistory.add(new HistoryEntry(id, now, actor, field, oldValue, newValue));
    }

    private static String subjectOf(String subject) {
        String value = subject == null ? "" : subject.strip().replaceAll("\\s+", " ");
        if (value.isEmpty()) {
            throw new RuleViolationException("ticket.subject-required");
        }
        return value.length() <= 500 ? value : value.substring(0, 499) + "…";
    }

    static Set<String> normalizeTags(Collection<String> raw) {
        Set<String> result = new TreeSet<>();
        if (raw != null) {
            for (String tag : raw) {
                String value = tag == null ? "" : tag.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", "-");
                if (value.length() > MAX_TAG_LENGTH) {
                    throw new RuleViolationException("ticket.tag-too-long", MAX_TAG_LENGTH);
                }
                if (!value.isEmpty()) {
                    result.add(value);
                }
            }
        }
        if (result.size() > MAX_TAGS) {
            throw new RuleViolationException("ticket.too-many-tags", MAX_TAGS);
        }
        return result;
    }

    private static String str(Long value) {
        return value == null ? null : value.toString();
    }

    @Override
    public Long getId() {
        return id;
    }

    @Override
    public boolean isNew() {
        return fresh;
    }

    @PostPersist
    @PostLoad
    void markStored() {
        fresh = false;
    }

    String reference() {
        return reference;
    }

    String subject() {
        return subject;
    }

    Status status() {
        return status;
    }

    Priority priority() {
        return priority;
    }

    Long categoryId() {
        return categoryId;
    }

    Channel channel() {
        return channel;
    }

    Long requesterId() {
        return requesterId;
    }

    Long organizationId() {
        return organizationId;
    }

    Long assigneeId() {
        return assigneeId;
    }

    Long teamId() {
        return teamId;
    }

    Set<String> tags() {
        return Set.copyOf(tags);
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    Instant solvedAt() {
        return solvedAt;
    }

    long version() {
        return version;
    }

    NextDue nextDue() {
        return nextDueAt == null ? null : new NextDue(nextDueAt, nextDueNearAt, nextDueBreached);
    }
}
