package io.otklik.ticket.rest;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import io.otklik.shared.NotFoundException;
import io.otklik.shared.PageOf;
import io.otklik.ticket.Conversations;
import io.otklik.ticket.HistoryView;
import io.otklik.ticket.MessageMoves;
import io.otklik.ticket.TicketDetails;
import io.otklik.ticket.TicketId;
import io.otklik.ticket.TicketIntake;
import io.otklik.ticket.TicketQueries;
import io.otklik.ticket.TicketUpdates;

import jakarta.validation.Valid;

import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Tickets over JSON: open, list, read, change, converse, move a message to another ticket or split it off into a new
 * one, and read the history.
 */
@RestController
@RequestMapping(path = "/api/v1/tickets", produces = MediaType.APPLICATION_JSON_VALUE)
class TicketApi {

    private final TicketIntake intake;
    private final TicketUpdates updates;
    private final Conversations conversations;
    private final TicketQueries queries;
    private final MessageMoves moves;

    TicketApi(TicketIntake intake, TicketUpdates updates, Conversations conversations, TicketQueries queries,
            MessageMoves moves) {
        this.intake = intake;
        this.updates = updates;
        this.conversations = conversations;
        this.queries = queries;
        this.moves = moves;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<TicketResponse> openTicket(@Valid @RequestBody OpenTicketRequest request) {
        TicketId id = request.requester() == null ? intake.open(request.toNewTicket())
                : intake.open(request.toNewTicket(), request.toNewCustomer());
        URI location = ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{number}")
                .buildAndExpand(id.value()).toUri();
        return visible(id).map(ticket -> withVersion(ResponseEntity.created(location), ticket))
                .orElseGet(() -> ResponseEntity.created(location).build());
    }

    @GetMapping
    PageOf<TicketRowResponse> listTickets(@Valid @ModelAttribute @ParameterObject TicketListQuery query) {
        return queries.find(query.filter(), query.sortOrDefault(), query.pageOrFirst(), query.sizeOrDefault())
                .map(TicketRowResponse::of);
    }

    @GetMapping("/{number}")
    ResponseEntity<TicketResponse> getTicket(@PathVariable long number) {
        return withVersion(ResponseEntity.ok(), queries.details(new TicketId(number)));
    }

    /**
     * Changes the fields present in the body; a stale {@code version} (or {@code If-Match}) is refused with 409.
     * Answers the changed ticket, or 204 when the change took it out of the caller's sight.
     */
    @PatchMapping(path = "/{number}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<TicketResponse> changeTicket(@PathVariable long number, @RequestBody TicketPatch patch,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        TicketId id = new TicketId(number);
        updates.change(id, patch.changes(), patch.version() != null ? patch.version() : versionOf(ifMatch));
        return visible(id).map(ticket -> withVersion(ResponseEntity.ok(), ticket))
                .orElseGet(() -> ResponseEntity.noContent().build());
    }

    @GetMapping("/{number}/messages")
    List<MessageResponse> listMessages(@PathVariable long number) {
        return conversations.of(new TicketId(number)).stream().map(MessageResponse::of).toList();
    }

    @PostMapping(path = "/{number}/messages", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<MessageResponse> addMessage(@PathVariable long number,
            @Valid @RequestBody MessageRequest request) {
        TicketId id = new TicketId(number);
        return created(id, conversations.add(id, request.toNewMessage()));
    }

    @PostMapping(path = "/{number}/messages", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<MessageResponse> addMessageWithFiles(@PathVariable long number,
            @Valid @ModelAttribute MessageForm form) {
        TicketId id = new TicketId(number);
        return created(id, conversations.add(id, form.toNewMessage()));
    }

    /**
     * Moves the message, with its files, to the ticket numbered in the body. Refused (422) for the ticket's only
     * message, for a closed ticket on either side, for the same ticket, and for a ticket the caller cannot see.
     */
    @PostMapping(path = "/{number}/messages/{messageId}/move", consumes = MediaType.APPLICATION_JSON_VALUE)
    MovedMessageResponse moveMessage(@PathVariable long number, @PathVariable long messageId,
            @Valid @RequestBody MoveMessageRequest request) {
        return MovedMessageResponse.of(moves.move(new TicketId(number), messageId, new TicketId(request.ticket())));
    }

    /** Splits the message, with its files, off into a new ticket (201, its address in {@code Location}). */
    @PostMapping("/{number}/messages/{messageId}/split")
    ResponseEntity<MovedMessageResponse> splitMessage(@PathVariable long number, @PathVariable long messageId) {
        MessageMoves.Moved moved = moves.split(new TicketId(number), messageId);
        URI location = ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/v1/tickets/{number}")
                .buildAndExpand(moved.to().value()).toUri();
        return ResponseEntity.created(location).body(MovedMessageResponse.of(moved));
    }

    @GetMapping("/{number}/history")
    List<HistoryView> ticketHistory(@PathVariable long number) {
        return queries.history(new TicketId(number));
    }

    private ResponseEntity<MessageResponse> created(TicketId ticket, long messageId) {
        MessageResponse message = conversations.of(ticket).stream().filter(m -> m.id() == messageId)
                .map(MessageResponse::of).findFirst().orElseThrow();
        return ResponseEntity.status(HttpStatus.CREATED).body(message);
    }

    /**
     * The ticket as the caller now sees it. An agent limited to their teams may open a ticket for another team,
     * or hand one over to it, and then no longer see it: the change is done, only the ticket is not shown.
     */
    private Optional<TicketDetails> visible(TicketId id) {
        try {
            return Optional.of(queries.details(id));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    private static ResponseEntity<TicketResponse> withVersion(ResponseEntity.BodyBuilder response,
            TicketDetails ticket) {
        return response.eTag(Long.toString(ticket.version())).body(TicketResponse.of(ticket));
    }

    /**
     * The version named by an {@code If-Match} header ({@code "3"}, {@code W/"3"}); none for a missing header or
     * {@code *}. A tag that is no version of ours can match no version, so it is answered as stale.
     */
    static Long versionOf(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        String tag = ifMatch.strip();
        tag = tag.startsWith("W/") ? tag.substring(2) : tag;
        tag = tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"") ? tag.substring(1, tag.length() - 1)
                : tag;
        try {
            return Long.parseLong(tag);
        } catch (NumberFormatException e) {
            return -1L;
        }
    }
}
