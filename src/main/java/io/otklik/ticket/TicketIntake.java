package io.otklik.ticket;

import java.time.Instant;
import java.util.List;

import io.otklik.agent.AgentDirectory;
import io.otklik.agent.AgentId;
import io.otklik.agent.TeamId;
import io.otklik.customer.CustomerCard;
import io.otklik.customer.CustomerDirectory;
import io.otklik.customer.CustomerId;
import io.otklik.customer.NewCustomer;
import io.otklik.shared.NotFoundException;
import io.otklik.shared.RuleViolationException;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Opens tickets, whatever the channel: API, an agent logging a call, and later mail, forms and chats. */
@Service
public class TicketIntake {

    private final TicketStore store;
    private final Conversations conversations;
    private final CustomerDirectory customers;
    private final AgentDirectory agents;
    private final TicketCategories categories;
    private final Actors actors;
    private final MeterRegistry meters;

    TicketIntake(TicketStore store, Conversations conversations, CustomerDirectory customers, AgentDirectory agents,
            TicketCategories categories, Actors actors, MeterRegistry meters) {
        this.store = store;
        this.conversations = conversations;
        this.customers = customers;
        this.agents = agents;
        this.categories = categories;
        this.actors = actors;
        this.meters = meters;
    }

    @Transactional
    public TicketId open(NewTicket request) {
        if (request.description() == null || request.description().isBlank()) {
            throw new RuleViolationException("ticket.description-required");
        }
        return openAs(request, actors.current()).ticket();
    }

    /**
     * Opens a ticket on behalf of {@code creator}, who the history says opened it. The description may be empty
     * when files are attached (a customer's follow-up can be just a screenshot).
     */
    Opened openAs(NewTicket request, Actor creator) {
        return openAs(request, creator, message -> { });
    }

    /**
     * As {@link #openAs(NewTicket, Actor)}; {@code firstMessage} completes the first message before it is saved
     * (what a channel adds to it: its formatted body, its origin), so it is written in one insert.
     */
    Opened openAs(NewTicket request, Actor creator, java.util.function.Consumer<TicketMessage> firstMessage) {
        if (request.channel() == null) {
            throw new RuleViolationException("ticket.channel-required");
        }
        CustomerCard requester = customers.card(request.requester());
        checkReferences(request.categoryId(), request.team(), request.assignee());
        Instant now = store.now();
        long number = store.nextNumber();
        NewTicketData data = new NewTicketData(request.subject(), request.priority(), request.categoryId(),
                request.channel(), requester.id().value(),
                requester.organizationId() == null ? null : requester.organizationId().value(),
                request.team() == null ? null : request.team().value(),
                request.assignee() == null ? null : request.assignee().value(), request.tags());
        Ticket ticket = store.add(Ticket.open(number, store.referenceOf(number), data, creator, now));
        Actor author = Actor.customer(requester.id(), requester.name());
        long message = conversations.append(ticket, MessageKind.PUBLIC_REPLY, author, request.channel(),
                request.description(), request.attachments() == null ? List.of() : request.attachments(), now,
                firstMessage);
        store.save(ticket);
        String channel = request.channel().name();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                meters.counter("otklik.tickets.opened", "channel", channel).increment();
            }
        });
        return new Opened(new TicketId(number), message);
    }

    /**
     * Opens a ticket for a requester known by contacts: the customer with that email, else a new customer
     * registered from them. The ticket's own requester is ignored; customer and ticket are saved together or not
     * at all.
     */
    @Transactional
    public TicketId open(NewTicket request, NewCustomer requester) {
        CustomerId customer = customers.findOrRegister(requester);
        return open(new NewTicket(request.subject(), request.description(), customer, request.channel(),
                request.priority(), request.categoryId(), request.team(), request.assignee(), request.tags(),
                request.attachments()));
    }

    void checkReferences(Long categoryId, TeamId team, AgentId assignee) {
        if (categoryId != null && !categories.existsById(categoryId)) {
            throw new NotFoundException("category.not-found", categoryId);
        }
        if (team != null) {
            agents.team(team).orElseThrow(() -> new NotFoundException("team.not-found", team.value()));
        }
        if (assignee != null) {
            agents.agent(assignee);
        }
    }

    /** A ticket just opened and its first message. */
    record Opened(TicketId ticket, long firstMessage) {
    }
}
