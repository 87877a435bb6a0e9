package io.otklik.customer.rest;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.otklik.customer.ContactKind;
import io.otklik.customer.CustomerCard;
import io.otklik.customer.CustomerProfile;

/**
 * A customer: primary email and phone, every address, organization, segments, custom field values by key, and
 * whether they may see all their organization's tickets.
 */
record CustomerResponse(long id, String name, String email, String phone, Long organizationId,
        String organizationName, Instant since, List<ContactResponse> contacts, List<String> segments,
        Map<String, String> fields, boolean seesOrganizationTickets) {

    static CustomerResponse of(CustomerProfile profile) {
        CustomerCard card = profile.card();
        return new CustomerResponse(card.id().value(), card.name(), card.email(), card.phone(),
                card.organizationId() == null ? null : card.organizationId().value(), card.organizationName(),
                card.since(), profile.contacts().stream().map(c -> new ContactResponse(c.kind(), c.value(),
                        c.primary())).toList(), List.copyOf(profile.segments()), profile.fields(),
                card.seesOrganizationTickets());
    }

    /** One address, normalized: emails in lower case, phones as digits with a leading "+" when one was written. */
    record ContactResponse(ContactKind kind, String value, boolean primary) {
    }
}
