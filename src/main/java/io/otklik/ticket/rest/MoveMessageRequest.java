package io.otklik.ticket.rest;

import jakarta.validation.constraints.NotNull;

/** The body of {@code POST /api/v1/tickets/{number}/messages/{id}/move}: the number of the ticket to move it to. */
record MoveMessageRequest(@NotNull(message = "{error.required}") Long ticket) {
}
