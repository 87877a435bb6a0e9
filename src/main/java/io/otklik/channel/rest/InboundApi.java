package io.otklik.channel.rest;

import java.net.URI;
import java.util.Locale;

import io.otklik.channel.InboundFilter;
import io.otklik.channel.InboundLog;
import io.otklik.channel.InboundOutcome;
import io.otklik.channel.InboundReasons;
import io.otklik.channel.InboundRecord;
import io.otklik.channel.InboundState;
import io.otklik.shared.PageOf;
import io.otklik.ticket.ChannelIntake;
import io.otklik.ticket.TicketId;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Stored inbound messages over JSON (administrators): what became of each and why, its original, and trying a
 * failed one again.
 */
@RestController
@RequestMapping(path = "/api/v1/inbound", produces = MediaType.APPLICATION_JSON_VALUE)
class InboundApi {

    private final InboundLog log;
    private final InboundReasons reasons;
    private final ChannelIntake tickets;

    InboundApi(InboundLog log, InboundReasons reasons, ChannelIntake tickets) {
        this.log = log;
        this.reasons = reasons;
        this.tickets = tickets;
    }

    @Operation(summary = "Stored inbound messages, newest first (administrators)")
    @GetMapping
    PageOf<InboundResponse> listInbound(
            @Parameter(description = "Only this mailbox's.") @RequestParam(required = false) Long accountId,
            @RequestParam(required = false) InboundState state,
            @RequestParam(required = false) InboundOutcome outcome,
            @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "At most 200.") @RequestParam(defaultValue = "50") int size) {
        Locale locale = LocaleContextHolder.getLocale();
        return log.find(new InboundFilter(null, accountId, state, outcome), page, size)
                .map(record -> response(record, locale, false));
    }

    @Operation(summary = "A stored inbound message (administrators)",
            description = "Where it stands and what processing made of it: state, outcome, why (`reason` as stored, "
                    + "`reasonText` in the caller's language), its ticket, sender, subject, times, tries and the last "
                    + "error.")
    @GetMapping("/{id}")
    InboundResponse getInbound(@PathVariable long id) {
        return response(log.record(id), LocaleContextHolder.getLocale(), true);
    }

    @Operation(summary = "The original of a stored inbound message, exactly as it arrived",
            description = "Administrators get any; other staff only one in a ticket they may see.",
            responses = @ApiResponse(responseCode = "200", content = @Content(mediaType = "message/rfc822",
                    schema = @Schema(type = "string", format = "binary"))))
    @GetMapping(path = "/{id}/original", produces = "message/rfc822")
    ResponseEntity<byte[]> getInboundOriginal(@PathVariable long id) {
        InboundLog.Original original = log.original(id);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("message/rfc822"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("message-" + id + ".eml").build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(original.raw());
    }

    @Operation(summary = "Try a message that was given up on again, now (administrators)",
            description = "Answers the message's record; `state` is RECEIVED when it was queued again, and stays as it "
                    + "was when it had not failed.")
    @PostMapping("/{id}/retry")
    InboundResponse retryInbound(@PathVariable long id) {
        log.retry(id);
        return response(log.record(id), LocaleContextHolder.getLocale(), true);
    }

    private InboundResponse response(InboundRecord record, Locale locale, boolean withReference) {
        String reference = withReference && record.ticketId() != null
                ? tickets.parties(new TicketId(record.ticketId())).map(ChannelIntake.Parties::reference).orElse(null)
                : null;
        URI original = ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/v1/inbound/{id}/original")
                .buildAndExpand(record.id()).toUri();
        return InboundResponse.of(record, reasons.describe(record.reason(), locale), reference, original);
    }
}
