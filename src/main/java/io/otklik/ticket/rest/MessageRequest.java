package io.otklik.ticket.rest;

import java.util.List;

import io.otklik.ticket.MessageKind;
import io.otklik.ticket.NewMessage;
import io.otklik.ticket.Status;

import jakarta.validation.constraints.NotNull;

/** JSON body of {@code POST /api/v1/tickets/{number}/messages}: a reply or note, optionally moving the status on. */
record MessageRequest(@NotNull(message = "{error.required}") MessageKind kind, String body, Status statusAfter) {

    NewMessage toNewMessage() {
        return new NewMessage(kind, body, List.of(), statusAfter);
    }
}
