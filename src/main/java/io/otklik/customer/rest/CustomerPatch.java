package io.otklik.customer.rest;

/**
 * Body of {@code PATCH /api/v1/customers/{id}}: the fields present are changed. {@code seesOrganizationTickets}
 * lets an organization's manager see all of its tickets (supervisors only).
 */
record CustomerPatch(Boolean seesOrganizationTickets) {
}
