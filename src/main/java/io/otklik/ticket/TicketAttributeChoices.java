package io.otklik.ticket;

import java.util.List;

import io.otklik.customer.CustomerDirectory;
import io.otklik.customer.CustomerSegments;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a ticket's attributes can be: its request categories and its requester's organizations and segments, by plain
 * id and name, for modules that match tickets on them (service-level policies) and may not use {@code customer}
 * themselves.
 */
@Service
public class TicketAttributeChoices {

    private final TicketCategories categories;
    private final CustomerDirectory customers;
    private final CustomerSegments segments;

    TicketAttributeChoices(TicketCategories categories, CustomerDirectory customers, CustomerSegments segments) {
        this.categories = categories;
        this.customers = customers;
        this.segments = segments;
    }

    /** A category or an organization: its id and name. */
    public record Choice(long id, String name) {
    }

    /** All request categories, in their configured order. */
    @Transactional(readOnly = true)
    public List<Choice> categories() {
        return categories.findAllByOrderByPositionAscNameAsc().stream().map(TicketCategory::view)
                .map(category -> new Choice(category.id(), category.name())).toList();
    }

    /** All organizations, by name. */
    @Transactional(readOnly = true)
    public List<Choice> organizations() {
        return customers.organizations().stream()
                .map(organization -> new Choice(organization.id().value(), organization.name())).toList();
    }

    /** The names of all customer segments (VIP, partners), alphabetically. */
    @Transactional(readOnly = true)
    public List<String> segments() {
        return segments.segments().stream().map(segment -> segment.name()).toList();
    }
}
