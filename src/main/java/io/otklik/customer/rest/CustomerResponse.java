package io.otklik.customer.rest;

import java.time.Instant;

import io.otklik.customer.CustomerCard;

/** A customer with contacts and organization. */
record CustomerResponse(long id, String name, String email, String phone, Long organizationId,
        String organizationName, Instant since) {

    static CustomerResponse of(CustomerCard card) {
        return new CustomerResponse(card.id().value(), card.name(), card.email(), card.phone(),
                card.organizationId() == null ? null : card.organizationId().value(), card.organizationName(),
                card.since());
    }
}
