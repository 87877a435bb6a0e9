package io.otklik.channel.email.rest;

import java.net.URI;

import io.otklik.channel.InboundOutcome;
import io.otklik.channel.InboundState;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What handing in a mail did: the stored message's {@code id}, whether it had been handed in before, where it
 * stands, and (once processed) what became of it and its ticket; {@code location} is its record.
 */
record ReceivedMailResponse(
        long id,
        @Schema(description = "The same mail (Message-ID) was handed in before: nothing new was stored or processed.")
        boolean duplicate,
        @Schema(description = "RECEIVED: stored, to be processed; DONE: processed; FAILED: given up on.")
        InboundState state,
        @Schema(description = "What processing did, once DONE.")
        InboundOutcome outcome,
        @Schema(description = "The ticket the mail was opened as or added to, once processed.")
        Long ticketId,
        @Schema(description = "That ticket's number as people see it, e.g. OTK-1042.")
        String ticketReference,
        @Schema(description = "The stored message's record: GET it to follow its processing.")
        URI location) {
}
