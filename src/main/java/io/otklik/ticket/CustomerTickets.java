package io.otklik.ticket;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.otklik.agent.TeamId;
import io.otklik.customer.CustomerCard;
import io.otklik.customer.CustomerDirectory;
import io.otklik.customer.CustomerId;
import io.otklik.shared.NotFoundException;
import io.otklik.shared.PageOf;
import io.otklik.shared.RuleViolationException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The customer's side of tickets, for the portal and for channels that speak for a customer (mail, web form):
 * their tickets, the public conversation, replies with files, confirming a solution or reopening. Every call is
 * limited to the {@link CustomerScope}; anything outside it is answered exactly like a ticket that does not
 * exist.
 */
@Service
public class CustomerTickets {

    public static final int MAX_PAGE_SIZE = 100;

    private static final String FOLLOW_UP_PREFIX = "Re: ";

    private final JdbcClient jdbc;
    private final TicketStore store;
    private final Conversations conversations;
    private final TicketMessages messages;
    private final TicketAttachments attachments;
    private final AttachmentStore files;
    private final TicketIntake intake;
    private final TicketLinks links;
    private final CustomerDirectory customers;

    CustomerTickets(JdbcClient jdbc, TicketStore store, Conversations conversations, TicketMessages messages,
            TicketAttachments attachments, AttachmentStore files, TicketIntake intake, TicketLinks links,
            CustomerDirectory customers) {
        this.jdbc = jdbc;
        this.store = store;
        this.conversations = conversations;
        this.messages = messages;
        this.attachments = attachments;
        this.files = files;
        this.intake = intake;
        this.links = links;
        this.customers = customers;
    }

    /** The tickets the customer may see, most recently updated first. */
    @Transactional(readOnly = true)
    public PageOf<CustomerTicketSummary> list(CustomerScope scope, int page, int size) {
        int pageSize = Math.max(1, Math.min(size, MAX_PAGE_SIZE));
        int pageNumber = Math.max(0, page);
        String where = scope.organization() == null ? " where requester_id = :customer"
                : " where (requester_id = :customer or organization_id = :organization)";
        Map<String, Object> params = scope.organization() == null ? Map.of("customer", scope.customer().value())
                : Map.of("customer", scope.customer().value(), "organization", scope.organization().value());
        List<Row> rows = jdbc.sql("select id, reference, subject, status, created_at, updated_at, requester_id "
                        + "from ticket" + where + " order by updated_at desc, id desc limit " + pageSize
                        + " offset " + ((long) pageNumber * pageSize))
                .params(params).query(CustomerTickets::row).list();
        long total = jdbc.sql("select count(*) from ticket" + where).params(params).query(Long.class).single();
        Map<CustomerId, CustomerCard> requesters = customers.cards(rows.stream()
                .map(r -> new CustomerId(r.requesterId())).distinct().toList());
        List<CustomerTicketSummary> result = new ArrayList<>(rows.size());
        for (Row r : rows) {
            CustomerCard requester = requesters.get(new CustomerId(r.requesterId()));
            result.add(new CustomerTicketSummary(new TicketId(r.id()), r.reference(), r.subject(),
                    Status.valueOf(r.status()), r.createdAt(), r.updatedAt(), new CustomerId(r.requesterId()),
                    requester == null ? null : requester.name()));
        }
        return new PageOf<>(result, pageNumber, pageSize, total, false);
    }

    /** One ticket with its public conversation; internal notes are left out. */
    @Transactional(readOnly = true)
    public CustomerTicketView view(TicketId id, CustomerScope scope) {
        Ticket ticket = visible(id, scope);
        CustomerCard requester = customers.card(new CustomerId(ticket.requesterId()));
        List<MessageView> thread = conversations.read(id.value()).stream().filter(m -> !m.isNote()).toList();
        List<TicketLinkView> linked = links.of(id).stream()
                .filter(l -> scope.maySee(l.requesterId(), l.organizationId())).map(TicketLinks.Linked::view)
                .toList();
        return new CustomerTicketView(id, ticket.reference(), ticket.subject(), ticket.status(), ticket.createdAt(),
                ticket.updatedAt(), requester.id(), requester.name(), thread, linked);
    }

    /**
     * The ticket's status, for a region of the customer's page that shows something else about it (the time we
     * promised to answer by).
     *
     * @throws NotFoundException when there is no such ticket or it is outside the scope
     */
    @Transactional(readOnly = true)
    public Status statusOf(TicketId id, CustomerScope scope) {
        record Found(Status status, boolean visible) {
        }
        return jdbc.sql("select status, requester_id, organization_id from ticket where id = :id")
                .param("id", id.value())
                .query((rs, n) -> new Found(Status.valueOf(rs.getString("status")), scope.maySee(
                        rs.getLong("requester_id"), (Long) rs.getObject("organization_id", Long.class))))
                .optional().filter(Found::visible).map(Found::status)
                .orElseThrow(() -> TicketAccess.notFound(id.value()));
    }

    /** A reply by the customer to one of their own tickets (for channels that know only the customer). */
    @Transactional
    public CustomerReply reply(TicketId id, CustomerId customer, String body, List<NewAttachment> files,
            Channel channel) {
        return reply(id, CustomerScope.own(customer), body, files, channel);
    }

    /**
     * A reply by the scope's customer. It reopens a solved (or pending) ticket; a closed ticket takes no more
     * messages, so a new ticket is opened for it ("Re: " and the old subject, same category and team), linked to
     * the old one as its follow-up. Files are checked first: programs and scripts are refused, as is anything
     * over the size limit, and then nothing is stored.
     */
    @Transactional
    public CustomerReply reply(TicketId id, CustomerScope scope, String body, List<NewAttachment> newFiles,
            Channel channel) {
        Ticket ticket = visible(id, scope);
        List<NewAttachment> attached = newFiles == null ? List.of() : newFiles;
        AttachmentRules.checkFromCustomer(attached, files.maxSize());
        Actor author = actorOf(scope.customer());
        if (ticket.status() == Status.CLOSED) {
            return followUp(ticket, author, body, attached, channel);
        }
        long message = conversations.append(ticket, MessageKind.PUBLIC_REPLY, author, channel, body, attached,
                store.now());
        store.save(ticket);
        return new CustomerReply(id, message, false);
    }

    /** The customer confirms the solution: a solved ticket is closed. Confirming a closed one again changes nothing. */
    @Transactional
    public void confirmSolved(TicketId id, CustomerScope scope) {
        Ticket ticket = visible(id, scope);
        if (ticket.status() == Status.CLOSED) {
            return;
        }
        if (ticket.status() != Status.SOLVED) {
            throw new RuleViolationException("ticket.customer.not-solved", ticket.reference());
        }
        ticket.changeStatus(Status.CLOSED, actorOf(scope.customer()), store.now());
        store.save(ticket);
    }

    /** The customer says it is not solved: a solved ticket is open again. An open one stays as it is. */
    @Transactional
    public void reopen(TicketId id, CustomerScope scope) {
        Ticket ticket = visible(id, scope);
        if (Status.UNSOLVED.contains(ticket.status())) {
            return;
        }
        if (ticket.status() != Status.SOLVED) {
            throw new RuleViolationException("ticket.customer.closed-write-again", ticket.reference());
        }
        ticket.changeStatus(Status.OPEN, actorOf(scope.customer()), store.now());
        store.save(ticket);
    }

    /** A file of a public message of a ticket the customer may see; anything else is "not found". */
    @Transactional(readOnly = true)
    public AttachmentFiles.Download attachment(long attachmentId, CustomerScope scope) {
        NotFoundException notFound = new NotFoundException("attachment.not-found", attachmentId);
        TicketAttachment attachment = attachments.findById(attachmentId).orElseThrow(() -> notFound);
        boolean publicMessage = attachment.messageId() != null && messages.findById(attachment.messageId())
                .map(m -> m.kind() == MessageKind.PUBLIC_REPLY).orElse(false);
        boolean visible = store.find(new TicketId(attachment.ticketId()))
                .map(t -> scope.maySee(t.requesterId(), t.organizationId())).orElse(false);
        if (!publicMessage || !visible) {
            throw notFound;
        }
        return new AttachmentFiles.Download(attachment.view(), files.open(attachment.sha256()));
    }

    CustomerReply followUp(Ticket closed, Actor author, String body, List<NewAttachment> attached,
            Channel channel) {
        TicketIntake.Opened opened = intake.openAs(new NewTicket(followUpSubject(closed.subject()), body,
                new CustomerId(author.id()), channel, null, closed.categoryId(),
                closed.teamId() == null ? null : new TeamId(closed.teamId()), null, Set.of(), attached), author);
        Instant now = store.now();
        links.add(opened.ticket(), new TicketId(closed.getId()), TicketLinks.FOLLOW_UP, now);
        Ticket followUp = store.find(opened.ticket()).orElseThrow();
        followUp.linked("follow-up-of", closed.reference(), author, now);
        store.save(followUp);
        closed.linked("followed-up-by", followUp.reference(), author, now);
        store.save(closed);
        return new CustomerReply(opened.ticket(), opened.firstMessage(), true);
    }

    static String followUpSubject(String subject) {
        return subject.toLowerCase(Locale.ROOT).startsWith(FOLLOW_UP_PREFIX.toLowerCase(Locale.ROOT)) ? subject
                : FOLLOW_UP_PREFIX + subject;
    }

    private Ticket visible(TicketId id, CustomerScope scope) {
        return store.find(id).filter(t -> scope.maySee(t.requesterId(), t.organizationId()))
                .orElseThrow(() -> TicketAccess.notFound(id.value()));
    }

    private Actor actorOf(CustomerId customer) {
        CustomerCard card = customers.card(customer);
        return Actor.customer(card.id(), card.name());
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getLong("id"), rs.getString("reference"), rs.getString("subject"), rs.getString("status"),
                instant(rs, "created_at"), instant(rs, "updated_at"), rs.getLong("requester_id"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        java.time.OffsetDateTime value = rs.getObject(column, java.time.OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private record Row(long id, String reference, String subject, String status, Instant createdAt,
            Instant updatedAt, long requesterId) {
    }
}
