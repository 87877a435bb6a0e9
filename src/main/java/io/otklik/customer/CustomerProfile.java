package io.otklik.customer;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** Everything the customer page and the API show about a customer: card, addresses, segments, field values. */
public record CustomerProfile(CustomerCard card, List<Contact> contacts, Set<String> segments,
        Map<String, String> fields) {
}
