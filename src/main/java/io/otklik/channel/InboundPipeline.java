package io.otklik.channel;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.otklik.customer.CustomerDirectory;
import io.otklik.customer.CustomerId;
import io.otklik.customer.NewCustomer;
import io.otklik.ticket.ChannelIntake;
import io.otklik.ticket.Delivery;
import io.otklik.ticket.FollowSource;
import io.otklik.ticket.MessageDeliveries;
import io.otklik.ticket.NewAttachment;
import io.otklik.ticket.TicketFollowers;
import io.otklik.ticket.TicketId;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.stereotype.Component;

/**
 * What happens to an arrived message, in the transaction that also marks it done (design.md, step 2): filters
 * (our own mail coming back, delivery failure reports, auto-replies, postmaster rules, copies), the customer from
 * the sender's address, the thread, then a new ticket or a message on an existing one. Every outcome records why.
 */
@Component
class InboundPipeline {

    /** Thrown when the message answers one that is itself still waiting: it is processed a moment later. */
    static final class AnswersWaitingMessage extends RuntimeException {
        AnswersWaitingMessage() {
            super("answers a message still waiting to be processed", null, false, false);
        }
    }

    private final InboundStore store;
    private final OutboxEntries outbox;
    private final MessageDeliveries deliveries;
    private final CustomerDirectory customers;
    private final ChannelIntake tickets;
    private final ObjectProvider<InboundRules> rules;
    private final ObjectProvider<OwnAddresses> ownAddresses;
    private final TicketFollowers followers;
    private final MessageSource messages;
    private final Locale teamLanguage;

    InboundPipeline(InboundStore store, OutboxEntries outbox, MessageDeliveries deliveries,
            CustomerDirectory customers, ChannelIntake tickets, ObjectProvider<InboundRules> rules,
            ObjectProvider<OwnAddresses> ownAddresses, TicketFollowers followers,
            MessageSource messages, @Value("${otklik.team-language:ru}") String teamLanguage) {
        this.store = store;
        this.outbox = outbox;
        this.deliveries = deliveries;
        this.customers = customers;
        this.tickets = tickets;
        this.rules = rules;
        this.ownAddresses = ownAddresses;
        this.followers = followers;
        this.messages = messages;
        this.teamLanguage = Locale.forLanguageTag(teamLanguage);
    }

    /** The decision for one message; the caller records it on the stored message in the same transaction. */
    record Result(InboundOutcome outcome, String reason, Long ticketId, Long ticketMessageId) {

        static Result dropped(String reason) {
            return new Result(InboundOutcome.DROPPED, reason, null, null);
        }
    }

    Result run(InboundStore.Pending pending, InboundMessage message, boolean mayWait) {
        String sender = message.from() == null ? "" : message.from().address().strip();
        if (message.kind() == InboundKind.OWN_NOTIFICATION) {
            return Result.dropped("filter.own-notification");
        }
        if (isOwn(sender)) {
            return Result.dropped("filter.own-address|" + sender);
        }
        if (message.kind() == InboundKind.BOUNCE) {
            return bounce(message.bounce());
        }
        InboundRules.Verdict verdict = verdict(message, pending.raw());
        if (verdict.drop()) {
            return Result.dropped("filter.rule|" + verdict.rules());
        }
        Optional<Long> copy = store.ticketOfCopy(pending.externalId(), pending.id());
        if (copy.isPresent()) {
            String reference = tickets.parties(new TicketId(copy.get())).map(ChannelIntake.Parties::reference)
                    .orElse(String.valueOf(copy.get()));
            return new Result(InboundOutcome.DROPPED, "thread.duplicate|" + reference, copy.get(), null);
        }
        if (sender.isEmpty()) {
            return Result.dropped("filter.no-sender");
        }
        CustomerId author = customers.findOrRegister(new NewCustomer(nameOf(message.from()), sender, null, null));
        Thread thread = thread(pending, message, author, mayWait);

        if (message.kind() == InboundKind.AUTO_REPLY) {
            if (thread.ticket() == null) {
                return Result.dropped("filter.auto-reply");
            }
            ChannelIntake.Placed placed = tickets.add(thread.ticket(), author, true, pending.channel(),
                    content(pending, message, "thread.auto-reply", List.of()));
            return new Result(InboundOutcome.NOTE_ADDED, "thread.auto-reply", placed.ticket().value(),
                    placed.messageId());
        }

        ChannelIntake.Screened files = tickets.screen(attachments(message));
        ChannelIntake.Content content = content(pending, message, thread.reason(), files.kept());
        ChannelIntake.Placed placed;
        if (thread.ticket() != null) {
            placed = tickets.add(thread.ticket(), author, false, pending.channel(), content);
        } else {
            placed = tickets.open(subjectOf(message), author, pending.channel(),
                    new ChannelIntake.Filing(verdict.priority(), verdict.categoryId(), verdict.teamId(),
                            verdict.tags()), content);
        }
        follow(placed.ticket(), author, message);
        String note = leftOut(message, files);
        if (note != null) {
            tickets.systemNote(placed.ticket(), note);
        }
        String reason = thread.reason() + (verdict.rules() == null ? "" : " · filter.rule|" + verdict.rules());
        return new Result(placed.opened() ? InboundOutcome.TICKET_OPENED : InboundOutcome.ADDED_TO_TICKET, reason,
                placed.ticket().value(), placed.messageId());
    }

    /** The ticket a message belongs to and why; no ticket means a new one. */
    record Thread(TicketId ticket, String reason) {
    }

    private Thread thread(InboundStore.Pending pending, InboundMessage message, CustomerId author, boolean mayWait) {
        List<String> answered = new ArrayList<>();
        if (message.inReplyTo() != null) {
            answered.add(message.inReplyTo());
        }
        // References lists the thread oldest first: the latest message it names is the closest.
        message.references().reversed().stream().filter(id -> !answered.contains(id)).forEach(answered::add);
        if (!answered.isEmpty()) {
            Map<String, Long> ours = outbox.ticketsOfMessageIds(answered);
            Map<String, Long> theirs = store.ticketsOf(answered);
            for (String id : answered) {
                Long ticket = ours.containsKey(id) ? ours.get(id) : theirs.get(id);
                if (ticket != null && tickets.parties(new TicketId(ticket)).isPresent()) {
                    String how = id.equals(message.inReplyTo()) ? "thread.in-reply-to|" : "thread.references|";
                    return new Thread(new TicketId(ticket), how + id);
                }
            }
            if (mayWait && store.anyWaiting(answered, pending.id())) {
                throw new AnswersWaitingMessage();
            }
        }
        Optional<TicketId> number = tickets.numberIn(message.subject());
        if (number.isPresent()) {
            Optional<ChannelIntake.Parties> parties = tickets.parties(number.get());
            if (parties.isPresent()) {
                if (mayWrite(parties.get(), author)) {
                    return new Thread(number.get(), "thread.subject-number|" + parties.get().reference());
                }
                return new Thread(null, "thread.subject-number-foreign-sender|" + parties.get().reference());
            }
        }
        return new Thread(null, "thread.new-ticket");
    }

    /** Whoever the ticket is for: its requester, someone of the requester's organization, or a follower. */
    private boolean mayWrite(ChannelIntake.Parties parties, CustomerId author) {
        if (parties.requester().equals(author)) {
            return true;
        }
        if (parties.organizationId() != null && customers.organizationOf(author)
                .map(org -> org.value() == parties.organizationId()).orElse(false)) {
            return true;
        }
        return followers.follows(parties.ticket(), author);
    }

    /**
     * Whoever writes to a ticket besides its requester follows it from then on (they joined the conversation), and
     * so do the other addresses of the mail (To and CC) — never our own addresses.
     */
    private void follow(TicketId ticket, CustomerId author, InboundMessage message) {
        followers.follow(ticket, author, FollowSource.REPLY);
        // Everyone else the customer wrote to (in To or CC) is in the conversation, as in Zendesk.
        List<InboundAddress> others = new ArrayList<>(message.to());
        others.addAll(message.cc());
        for (InboundAddress cc : others) {
            String address = cc.address() == null ? "" : cc.address().strip();
            if (address.isEmpty() || isOwn(address)) {
                continue;
            }
            CustomerId follower = customers.findOrRegister(new NewCustomer(nameOf(cc), address, null, null));
            if (!follower.equals(author)) {
                followers.follow(ticket, follower, FollowSource.EMAIL_CC);
            }
        }
    }

    private Result bounce(BounceReport report) {
        if (report == null || report.originalMessageId() == null) {
            return new Result(InboundOutcome.BOUNCE_RECORDED, "bounce.unknown", null, null);
        }
        String diagnostic = report.diagnostic() == null || report.diagnostic().isBlank()
                ? "bounced" + (report.failedRecipient() == null ? "" : ": " + report.failedRecipient())
                : report.diagnostic().strip();
        Optional<OutboxEntries.Bounced> bounced = outbox.bounced(report.originalMessageId(), diagnostic);
        if (bounced.isEmpty()) {
            return new Result(InboundOutcome.BOUNCE_RECORDED, "bounce.not-ours|" + report.originalMessageId(), null,
                    null);
        }
        if (bounced.get().ticketMessageId() != null) {
            deliveries.record(bounced.get().ticketMessageId(), Delivery.FAILED, diagnostic);
        }
        return new Result(InboundOutcome.BOUNCE_RECORDED, "bounce.recorded|" + report.originalMessageId(),
                bounced.get().ticketId(), null);
    }

    private InboundRules.Verdict verdict(InboundMessage message, byte[] raw) {
        InboundRules.Verdict verdict = InboundRules.Verdict.NONE;
        for (InboundRules rule : rules) {
            InboundRules.Verdict v = rule.apply(message, raw);
            if (v.drop() || v.rules() != null) {
                verdict = v;
            }
        }
        return verdict;
    }

    private ChannelIntake.Content content(InboundStore.Pending pending, InboundMessage message, String reason,
            List<NewAttachment> files) {
        String text = message.text();
        if (text.length() > ChannelIntake.MAX_TEXT) {
            text = text.substring(0, ChannelIntake.MAX_TEXT);
        }
        if (text.isBlank() && files.isEmpty()) {
            text = messages.getMessage("inbound.empty-message", null, teamLanguage);
        }
        return new ChannelIntake.Content(text, message.html(), files, "inbound:" + pending.id(), reason);
    }

    private static List<NewAttachment> attachments(InboundMessage message) {
        return message.attachments().stream()
                .map(a -> new NewAttachment(a.fileName(), a.contentType(), new ByteArrayResource(a.data())))
                .toList();
    }

    /** A note for the staff of what could not be kept, in the team's language; null when all was kept. */
    private String leftOut(InboundMessage message, ChannelIntake.Screened files) {
        List<String> lines = new ArrayList<>();
        for (InboundNote note : message.notes()) {
            switch (note.reason()) {
                case ATTACHMENT_DROPPED, TEXT_TRUNCATED, PART_UNREADABLE, TNEF_UNREADABLE, FROM_MISSING ->
                        lines.add("• " + messages.getMessage("inbound.note." + note.reason().name(),
                                new Object[] {note.detail() == null ? "" : note.detail()}, teamLanguage));
                default -> {
                }
            }
        }
        if (message.text().length() > ChannelIntake.MAX_TEXT) {
            lines.add("• " + messages.getMessage("inbound.note.TEXT_TRUNCATED",
                    new Object[] {message.text().length() + " → " + ChannelIntake.MAX_TEXT}, teamLanguage));
        }
        for (String name : files.programs()) {
            lines.add("• " + messages.getMessage("inbound.note.program", new Object[] {name}, teamLanguage));
        }
        for (String name : files.tooLarge()) {
            lines.add("• " + messages.getMessage("inbound.note.too-large", new Object[] {name}, teamLanguage));
        }
        if (lines.isEmpty()) {
            return null;
        }
        return messages.getMessage("inbound.note.title", null, teamLanguage) + "\n" + String.join("\n", lines);
    }

    private String subjectOf(InboundMessage message) {
        String subject = message.subject().strip();
        if (!subject.isEmpty()) {
            return subject.length() > 500 ? subject.substring(0, 500) : subject;
        }
        String firstLine = message.text().strip().lines().filter(l -> !l.isBlank()).findFirst().orElse("").strip();
        if (firstLine.isEmpty()) {
            return messages.getMessage("inbound.no-subject", null, teamLanguage);
        }
        return firstLine.length() > 80 ? firstLine.substring(0, 80) + "…" : firstLine;
    }

    private boolean isOwn(String address) {
        OwnAddresses own = ownAddresses.getIfAvailable();
        return own != null && !address.isEmpty() && own.isOwn(address);
    }

    private static String nameOf(InboundAddress address) {
        String name = address.name() == null ? "" : address.name().strip();
        if (!name.isEmpty()) {
            return name;
        }
        String email = address.address() == null ? "" : address.address().strip();
        int at = email.indexOf('@');
        return at > 0 ? email.substring(0, at) : email;
    }
}
