package io.otklik.channel.web;

import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.otklik.channel.InboundFilter;
import io.otklik.channel.InboundLog;
import io.otklik.channel.InboundOutcome;
import io.otklik.channel.InboundReasons;
import io.otklik.channel.InboundRecord;
import io.otklik.channel.InboundState;
import io.otklik.channel.email.MailAccountAdministration;
import io.otklik.channel.email.MailAccountView;
import io.otklik.shared.PageOf;
import io.otklik.ticket.Channel;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * "Incoming mail" (administrators): the latest stored inbound messages with what became of each and why, filtered
 * by mailbox, state and outcome, "Retry" for those given up on; and, for the staff, a stored original as it arrived
 * (a download, or plain text in the browser: never rendered as HTML).
 */
@Controller
class InboundController {

    static final int PAGE_SIZE = 50;

    private final InboundLog log;
    private final InboundReasons reasons;
    private final MailAccountAdministration mailboxes;
    private final String ticketPrefix;

    InboundController(InboundLog log, InboundReasons reasons, MailAccountAdministration mailboxes,
            @Value("${otklik.tickets.number-prefix:OTK-}") String ticketPrefix) {
        this.log = log;
        this.reasons = reasons;
        this.mailboxes = mailboxes;
        this.ticketPrefix = ticketPrefix;
    }

    /** A row of the list: the record, its reason in the reader's words, and its mailbox's name. */
    record Row(InboundRecord record, String reason, String mailbox) {
    }

    @GetMapping("/admin/inbound")
    String list(@RequestParam(required = false) String account, @RequestParam(required = false) String state,
            @RequestParam(required = false) String outcome, @RequestParam(defaultValue = "0") String page,
            Locale locale, Model model) {
        Long accountId = number(account);
        InboundState stateFilter = valueOf(InboundState.class, state);
        InboundOutcome outcomeFilter = valueOf(InboundOutcome.class, outcome);
        int pageNumber = number(page) == null ? 0 : (int) Math.min(Integer.MAX_VALUE, number(page));
        Map<Long, String> names = new LinkedHashMap<>();
        for (MailAccountView mailbox : mailboxes.accounts()) {
            names.put(mailbox.id().value(), mailbox.name());
        }
        PageOf<InboundRecord> found = log.find(new InboundFilter(null, accountId, stateFilter, outcomeFilter),
                pageNumber, PAGE_SIZE);
        model.addAttribute("rows", found.items().stream().map(r -> new Row(r, reasons.describe(r.reason(), locale),
                r.channel() == Channel.EMAIL ? names.get(r.accountId()) : null)).toList());
        model.addAttribute("page", found);
        model.addAttribute("mailboxes", names);
        model.addAttribute("account", accountId);
        model.addAttribute("state", stateFilter);
        model.addAttribute("outcome", outcomeFilter);
        model.addAttribute("states", InboundState.values());
        model.addAttribute("outcomes", InboundOutcome.values());
        model.addAttribute("counts", log.unsettled());
        model.addAttribute("ticketPrefix", ticketPrefix);
        model.addAttribute("previousUrl", listUrl(accountId, stateFilter, outcomeFilter, found.page() - 1));
        model.addAttribute("nextUrl", listUrl(accountId, stateFilter, outcomeFilter, found.page() + 1));
        model.addAttribute("hereUrl", listUrl(accountId, stateFilter, outcomeFilter, found.page()));
        return "channel/inbound";
    }

    @PostMapping("/admin/inbound/{id:\\d+}/retry")
    String retry(@PathVariable long id, @RequestParam(required = false) String back, RedirectAttributes redirect) {
        redirect.addFlashAttribute(log.retry(id) ? "retried" : "notRetried", id);
        // Back to the listing the button was on; only a path of this screen.
        return "redirect:" + (back != null && back.startsWith("/admin/inbound") && !back.contains("//")
                ? back : "/admin/inbound");
    }

    /** The original as a {@code .eml} download, or with {@code view=1} as plain text in the browser. */
    @GetMapping("/inbound/{id:\\d+}/original")
    ResponseEntity<byte[]> original(@PathVariable long id, @RequestParam(required = false) String view) {
        InboundLog.Original original = log.original(id);
        boolean inline = "1".equals(view) || "true".equals(view);
        ResponseEntity.BodyBuilder response = ResponseEntity.ok()
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store");
        String fileName = "message-" + id + ".eml";
        if (inline) {
            return response.contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                            .filename(fileName.replace(".eml", ".txt")).build().toString())
                    .body(asUtf8(original.raw()));
        }
        return response.contentType(MediaType.parseMediaType("message/rfc822"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build()
                        .toString())
                .body(original.raw());
    }

    /** Valid UTF-8 for the browser: mail in other charsets or 8-bit junk shows replacement marks, never markup. */
    private static byte[] asUtf8(byte[] raw) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(java.nio.ByteBuffer.wrap(raw)).toString();
            return text.getBytes(StandardCharsets.UTF_8);
        } catch (java.nio.charset.CharacterCodingException e) {
            return raw;
        }
    }

    private static String listUrl(Long account, InboundState state, InboundOutcome outcome, int page) {
        UriComponentsBuilder url = UriComponentsBuilder.fromPath("/admin/inbound");
        if (account != null) {
            url.queryParam("account", account);
        }
        if (state != null) {
            url.queryParam("state", state.name());
        }
        if (outcome != null) {
            url.queryParam("outcome", outcome.name());
        }
        if (page > 0) {
            url.queryParam("page", page);
        }
        return url.build().toUriString();
    }

    /** A filter value the page offered; anything else (or nothing) means no filter. */
    private static <E extends Enum<E>> E valueOf(Class<E> type, String value) {
        String wanted = value == null ? "" : value.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(wanted)).findFirst().orElse(null);
    }

    private static Long number(String value) {
        if (value == null || !value.strip().matches("\\d{1,18}")) {
            return null;
        }
        return Long.parseLong(value.strip());
    }
}
