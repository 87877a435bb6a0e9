package io.otklik.ticket;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.otklik.customer.ContactKind;
import io.otklik.customer.CustomerCard;
import io.otklik.customer.CustomerDirectory;
import io.otklik.customer.CustomerId;
import io.otklik.customer.NewCustomer;
import io.otklik.shared.NotFoundException;
import io.otklik.shared.RuleViolationException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The followers of a ticket (CCs): customers besides the requester who receive its public replies in copy — the
 * people in CC of the email that opened it, or whom an agent added. Each addition and removal is a line in the
 * ticket's history and an event ({@link FollowerAdded}, {@link FollowerRemoved}) that open ticket pages react to.
 *
 * <p>Every method joins the caller's transaction when there is one: the email intake opens a ticket and makes the
 * people in CC its followers in one transaction. Following does not change the ticket itself (its version and update
 * time stay), so an agent editing the ticket's properties meanwhile is not told that someone changed it.
 */
@Service
public class TicketFollowers {

    /** "Ivan Petrov &lt;ivan@example.com&gt;", as mail programs write a person; the name may be quoted. */
    private static final Pattern NAMED_ADDRESS = Pattern.compile("^\\s*\"?([^\"<>]*?)\"?\\s*<([^<>]+)>\\s*$");

    private static final int MAX_NAME = 200;

    private final TicketStore store;
    private final Followers followers;
    private final TicketHistory history;
    private final CustomerDirectory customers;
    private final Actors actors;
    private final ApplicationEventPublisher events;

    TicketFollowers(TicketStore store, Followers followers, TicketHistory history, CustomerDirectory customers,
            Actors actors, ApplicationEventPublisher events) {
        this.store = store;
        this.followers = followers;
        this.history = history;
        this.customers = customers;
        this.actors = actors;
        this.events = events;
    }

    /**
     * Makes the customer a follower of the ticket. Harmless to repeat, and nothing happens for the ticket's requester
     * (a CC list often names them too), so the intake can pass every address it finds. A merged customer's id stands
     * for the customer they were merged into.
     */
    @Transactional
    public void follow(TicketId ticket, CustomerId customer, FollowSource source) {
        Ticket loaded = store.load(ticket);
        CustomerCard card = customers.card(customer);
        if (card.id().value() == loaded.requesterId()) {
            return;
        }
        Instant now = store.now();
        if (followers.add(ticket.value(), card.id().value(), source, now)) {
            history.save(new HistoryEntry(ticket.value(), now, actors.current(), "follower-" + source.code(), null,
                    person(card)));
            events.publishEvent(new FollowerAdded(ticket, card.id(), source, now));
        }
    }

    /**
     * An agent adds a follower by email address ({@code ivan@example.com}, or {@code Ivan Petrov <ivan@example.com>}
     * as mail programs write it): the customer with that address, else a new customer registered with it and named
     * {@code name} (or the name in the address, or the address). Refused readably, changing nothing: what is no
     * email address, the ticket's requester, a closed ticket. Adding a follower again changes nothing.
     *
     * @return the follower
     */
    @Transactional
    public CustomerId add(TicketId ticket, String name, String address) {
        String written = address == null ? "" : address.strip();
        String given = name == null ? "" : name.strip();
        Matcher named = NAMED_ADDRESS.matcher(written);
        if (named.matches()) {
            given = given.isEmpty() ? named.group(1).strip() : given;
            written = named.group(2).strip();
        }
        String email = ContactKind.EMAIL.checked(written);
        Ticket loaded = refuseClosed(store.load(ticket));
        CustomerId customer = customers.findOrRegister(new NewCustomer(given.isEmpty() ? null
                : given.length() > MAX_NAME ? given.substring(0, MAX_NAME) : given, email, null, null));
        if (customer.value() == loaded.requesterId()) {
            throw new RuleViolationException("ticket.follower.requester", email);
        }
        follow(ticket, customer, FollowSource.AGENT);
        return customer;
    }

    /**
     * An agent adds a known customer as a follower. Refused readably: the ticket's requester, a closed ticket; an
     * unknown customer is not found. Adding a follower again changes nothing.
     *
     * @return the follower: the customer, or the one they were merged into
     */
    @Transactional
    public CustomerId add(TicketId ticket, CustomerId customer) {
        Ticket loaded = refuseClosed(store.load(ticket));
        CustomerCard card = customers.card(customer);
        if (card.id().value() == loaded.requesterId()) {
            throw new RuleViolationException("ticket.follower.requester", person(card));
        }
        follow(ticket, card.id(), FollowSource.AGENT);
        return card.id();
    }

    /** Stops the customer following the ticket; harmless when they did not. */
    @Transactional
    public void unfollow(TicketId ticket, CustomerId customer) {
        store.load(ticket);
        CustomerCard card;
        try {
            card = customers.card(customer);
        } catch (NotFoundException e) {
            return;
        }
        if (followers.remove(ticket.value(), card.id().value())) {
            Instant now = store.now();
            history.save(new HistoryEntry(ticket.value(), now, actors.current(), "follower-removed", person(card),
                    null));
            events.publishEvent(new FollowerRemoved(ticket, card.id(), now));
        }
    }

    /** The ticket's followers, the earliest first. */
    @Transactional(readOnly = true)
    public List<CustomerId> followers(TicketId ticket) {
        store.load(ticket);
        return followers.of(ticket.value()).stream().map(row -> new CustomerId(row.customerId())).toList();
    }

    /** Whether the customer (or the customer they were merged into) follows the ticket. */
    @Transactional(readOnly = true)
    public boolean follows(TicketId ticket, CustomerId customer) {
        store.load(ticket);
        try {
            return followers.exists(ticket.value(), customers.card(customer).id().value());
        } catch (NotFoundException e) {
            return false;
        }
    }

    /** The ticket's followers with their names and emails as they are now, the earliest first. */
    @Transactional(readOnly = true)
    public List<FollowerView> list(TicketId ticket) {
        store.load(ticket);
        List<Followers.Row> rows = followers.of(ticket.value());
        Map<CustomerId, CustomerCard> cards = customers.cards(rows.stream()
                .map(row -> new CustomerId(row.customerId())).toList());
        return rows.stream().map(row -> {
            CustomerCard card = cards.get(new CustomerId(row.customerId()));
            return new FollowerView(new CustomerId(row.customerId()), card == null ? "#" + row.customerId()
                    : card.name(), card == null ? null : card.email(), row.source(), row.since());
        }).toList();
    }

    private static Ticket refuseClosed(Ticket ticket) {
        if (ticket.status() == Status.CLOSED) {
            throw new RuleViolationException("ticket.closed", ticket.reference());
        }
        return ticket;
    }

    /** A person as the history shows them then: "Ivan Petrov &lt;ivan@example.com&gt;", or what of it is known. */
    private static String person(CustomerCard card) {
        String email = card.email();
        if (email == null || email.isBlank()) {
            return card.name();
        }
        return card.name() == null || card.name().isBlank() || card.name().equalsIgnoreCase(email) ? email
                : card.name() + " <" + email + ">";
    }
}
