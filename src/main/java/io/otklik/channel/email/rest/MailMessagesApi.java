package io.otklik.channel.email.rest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;

import io.otklik.channel.ArrivedVia;
import io.otklik.channel.InboundLog;
import io.otklik.channel.InboundReceipt;
import io.otklik.channel.InboundRecord;
import io.otklik.channel.InboundState;
import io.otklik.channel.email.MailAccountId;
import io.otklik.channel.email.RawMailIntake;
import io.otklik.shared.PayloadTooLargeException;
import io.otklik.shared.RuleViolationException;
import io.otklik.ticket.ChannelIntake;
import io.otklik.ticket.TicketId;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Raw mail in over HTTP: a whole RFC 822 message for one mailbox, as a mail server would deliver it (the mail gate
 * posts here). Stored first and answered at once (202), or processed first with {@code wait=true}; the same mail
 * again answers 200 with {@code duplicate: true}. The body is read up to {@code otklik.mail.inbound.max-size}.
 */
@RestController
@RequestMapping(path = "/api/v1/mail-accounts", produces = MediaType.APPLICATION_JSON_VALUE)
class MailMessagesApi {

    static final String RFC822 = "message/rfc822";

    /** How the mail reached the caller: posted by a program of its own, or piped in through the mail gate. */
    enum Via {
        API, GATE
    }

    private final RawMailIntake intake;
    private final InboundLog log;
    private final ChannelIntake tickets;
    private final DataSize maxSize;

    MailMessagesApi(RawMailIntake intake, InboundLog log, ChannelIntake tickets,
            @Value("${otklik.mail.inbound.max-size:25MB}") DataSize maxSize) {
        this.intake = intake;
        this.log = log;
        this.tickets = tickets;
        this.maxSize = maxSize;
    }

    @Operation(summary = "Hand in a raw mail for a mailbox",
            description = """
                    Takes one whole mail (RFC 822, as a mail server delivers it) for the mailbox, exactly as if it had \
                    been fetched from it: stored first, then filtered, threaded and turned into a ticket or a message \
                    on one. Administrators only (whoever hands in a mail writes as any sender). 202: stored (with \
                    `wait=true` also processed, unless that has to wait; `state` says which). 200: this mail \
                    (same Message-ID) was handed in before; nothing was stored or processed again. The body may be at \
                    most `otklik.mail.inbound.max-size` (413 above it); send `Expect: 100-continue` to be refused \
                    before sending a large body.""",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    description = "The whole mail, headers and body, as it arrived.", content = {
                            @Content(mediaType = RFC822, schema = @Schema(type = "string", format = "binary")),
                            @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM_VALUE,
                                    schema = @Schema(type = "string", format = "binary"))}),
            responses = {
                    @ApiResponse(responseCode = "202", description = "Stored; processed too when `state` is not "
                            + "RECEIVED. `Location` is the stored message's record.",
                            content = @Content(schema = @Schema(implementation = ReceivedMailResponse.class))),
                    @ApiResponse(responseCode = "200", description = "Handed in before (duplicate); nothing new.",
                            content = @Content(schema = @Schema(implementation = ReceivedMailResponse.class))),
                    @ApiResponse(responseCode = "401", description = "No valid API token.", content = @Content(
                            mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class))),
                    @ApiResponse(responseCode = "403", description = "The token's owner is not an administrator.",
                            content = @Content(mediaType = "application/problem+json",
                                    schema = @Schema(implementation = ProblemDetail.class))),
                    @ApiResponse(responseCode = "404", description = "No such mailbox.", content = @Content(
                            mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class))),
                    @ApiResponse(responseCode = "413", description = "Larger than `otklik.mail.inbound.max-size`.",
                            content = @Content(mediaType = "application/problem+json",
                                    schema = @Schema(implementation = ProblemDetail.class))),
                    @ApiResponse(responseCode = "415", description = "Not sent as message/rfc822 or "
                            + "application/octet-stream.", content = @Content(mediaType = "application/problem+json",
                                    schema = @Schema(implementation = ProblemDetail.class))),
                    @ApiResponse(responseCode = "422", description = "The body is empty.", content = @Content(
                            mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))})
    @PostMapping(path = "/{id}/messages", consumes = {RFC822, MediaType.APPLICATION_OCTET_STREAM_VALUE})
    ResponseEntity<ReceivedMailResponse> postMailMessage(
            @Parameter(description = "The mailbox (as on /admin/mail-accounts).") @PathVariable long id,
            @Parameter(description = "Process the mail before answering, and tell the ticket it went to.")
            @RequestParam(defaultValue = "false") boolean wait,
            @Parameter(description = "Who hands it in: API (a program of your own) or GATE (the mail gate).")
            @RequestParam(defaultValue = "API") Via via,
            HttpServletRequest request) throws IOException {
        MailAccountId account = new MailAccountId(id);
        intake.checkAccepts(account);
        byte[] raw = readAtMost(request, maxSize.toBytes());
        if (raw.length == 0) {
            throw new RuleViolationException("inbound.empty");
        }
        InboundReceipt receipt = intake.receive(account, via == Via.GATE ? ArrivedVia.GATE : ArrivedVia.API, raw,
                wait);
        URI location = ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/v1/inbound/{id}")
                .buildAndExpand(receipt.id()).toUri();
        ReceivedMailResponse body;
        if (!wait && !receipt.duplicate()) {
            // Just stored and handed on: that is all the caller asked to know (the record tells the rest later),
            // and reading it back would cost each mail a transaction of its own.
            body = new ReceivedMailResponse(receipt.id(), false, InboundState.RECEIVED, null, null, null, location);
        } else {
            InboundRecord record = log.record(receipt.id());
            String reference = record.ticketId() == null ? null : tickets.parties(new TicketId(record.ticketId()))
                    .map(ChannelIntake.Parties::reference).orElse(null);
            body = new ReceivedMailResponse(receipt.id(), receipt.duplicate(), record.state(), record.outcome(),
                    record.ticketId(), reference, location);
        }
        return ResponseEntity.status(receipt.duplicate() ? HttpStatus.OK : HttpStatus.ACCEPTED).location(location)
                .body(body);
    }

    /** The body, refused with 413 as soon as it is known to be over the limit (never buffered beyond it). */
    private static byte[] readAtMost(HttpServletRequest request, long max) throws IOException {
        long declared = request.getContentLengthLong();
        if (declared > max) {
            throw tooLarge(max);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(declared > 0 ? (int) declared : 64 * 1024);
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        try (InputStream in = request.getInputStream()) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                total += n;
                if (total > max) {
                    throw tooLarge(max);
                }
                out.write(buffer, 0, n);
            }
        }
        return out.toByteArray();
    }

    private static PayloadTooLargeException tooLarge(long max) {
        return new PayloadTooLargeException("inbound.too-large", readable(max));
    }

    /** "25 MB", "512 KB", "1000 B". */
    static String readable(long bytes) {
        if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MB";
        }
        if (bytes >= 1024 && bytes % 1024 == 0) {
            return bytes / 1024 + " KB";
        }
        return bytes + " B";
    }
}
