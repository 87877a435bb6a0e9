package io.otklik.ticket;

import java.time.Instant;

import io.otklik.customer.CustomerCard;
import io.otklik.customer.CustomerDirectory;
import io.otklik.customer.CustomersMerged;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * When a duplicate customer is merged into another, their tickets go to that customer, each with a history line
 * "requester: duplicate → customer" naming who merged them; the tickets the duplicate followed, the customer now
 * follows (without a history line: the same person follows them as before). Where the customer already followed one,
 * or now is its requester, the duplicate's following simply ends.
 *
 * <p>This runs inside the merge's own transaction (a plain, synchronous listener), not after it: the merge and the
 * moved tickets commit together or not at all, the supervisor sees every ticket on the customer's page as soon as
 * the merge answers, and no other module ever meets tickets of a customer who no longer exists. A merge is a rare,
 * deliberate act over one person's tickets, so the longer transaction costs little. Running it twice moves nothing
 * more: only tickets still held by the duplicate are touched.
 */
@Component
class TicketsFollowMergedCustomers {

    private final Tickets tickets;
    private final TicketStore store;
    private final CustomerDirectory customers;
    private final Actors actors;
    private final Followers followers;

    TicketsFollowMergedCustomers(Tickets tickets, TicketStore store, CustomerDirectory customers, Actors actors,
            Followers followers) {
        this.tickets = tickets;
        this.store = store;
        this.customers = customers;
        this.actors = actors;
        this.followers = followers;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(CustomersMerged event) {
        CustomerCard into = customers.card(event.into());
        Long organization = into.organizationId() == null ? null : into.organizationId().value();
        Actor actor = actors.current();
        Instant now = store.now();
        for (Ticket ticket : tickets.findByRequesterIdOrderById(event.duplicate().value())) {
            ticket.changeRequester(into.id().value(), organization, actor, now);
            store.save(ticket);
        }
        // After the tickets: the duplicate's following of a ticket that is now the customer's own just ends.
        followers.moveAll(event.duplicate().value(), into.id().value());
    }
}
