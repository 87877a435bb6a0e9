package io.otklik.ticket;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.otklik.agent.TeamId;
import io.otklik.customer.CustomerCard;
import io.otklik.customer.CustomerDirectory;
import io.otklik.customer.CustomerId;

import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.stereotype.Service;

/**
 * Tickets and messages as channels that speak for customers bring them (mail now; chats and messengers later):
 * the message keeps the channel's formatted body, where it came from ({@code origin}, e.g. the stored original) and
 * why it was put on this ticket ({@code threadReason}). Runs in the caller's transaction, which also records that
 * the channel's message is done — so a message is in a ticket exactly when its channel says so.
 */
@Service
public class ChannelIntake {

    private final TicketStore store;
    private final TicketIntake intake;
    private final Conversations conversations;
    private final CustomerTickets customerTickets;
    private final CustomerDirectory customers;
    private final TicketMessages messages;
    private final AttachmentStore attachmentStore;
    private final java.util.regex.Pattern subjectNumber;

    private final RoutingTargets routing;

    ChannelIntake(RoutingTargets routing, AttachmentStore attachmentStore, TicketProperties properties, TicketStore store, TicketIntake intake, Conversations conversations, CustomerTickets customerTickets,
            CustomerDirectory customers, TicketMessages messages) {
        this.messages = messages;
        this.routing = routing;
        this.attachmentStore = attachmentStore;
        String prefix = properties.tickets().numberPrefix();
        // "[OTK-1042]" or "[#1042]" anywhere (and "[1042]" when numbers have no prefix); with a prefix, also a bare
        // "OTK-1042" as a word.
        this.subjectNumber = java.util.regex.Pattern.compile("\\[\\s*(?:" + java.util.regex.Pattern.quote(prefix)
                + "|#)" + (prefix.isBlank() ? "?" : "") + "(\\d{1,12})\\s*\\]" + (prefix.isBlank() ? ""
                        : "|(?<![\\p{L}\\d])" + java.util.regex.Pattern.quote(prefix) + "(\\d{1,12})(?!\\d)"),
                java.util.regex.Pattern.CASE_INSENSITIVE | java.util.regex.Pattern.UNICODE_CASE);
        this.store = store;
        this.intake = intake;
        this.conversations = conversations;
        this.customerTickets = customerTickets;
        this.customers = customers;
    }

    /** The longest text a message may have; channels cut longer texts (and say so). */
    public static final int MAX_TEXT = TicketMessage.MAX_BODY;

    /** What a channel message says, as the ticket keeps it. */
    public record Content(String text, String html, List<NewAttachment> attachments, String origin,
            String threadReason) {

        public Content {
            attachments = attachments == null ? List.of() : List.copyOf(attachments);
        }
    }

    /** How a new ticket is filed: each may be null (the defaults apply). */
    public record Filing(Priority priority, Long categoryId, Long teamId, Set<String> tags) {

        public static final Filing DEFAULT = new Filing(null, null, null, Set.of());

        public Filing {
            tags = tags == null ? Set.of() : Set.copyOf(tags);
        }
    }

    /** Where a channel message ended up: the ticket, the message, and whether a ticket was opened for it. */
    public record Placed(TicketId ticket, long messageId, boolean opened) {
    }

    /** Who a ticket belongs to, for a channel deciding whether a sender may write to it. */
    public record Parties(TicketId ticket, String reference, CustomerId requester, Long organizationId,
            Status status) {
    }

    /**
     * Opens a ticket for the channel's message. A team or category that no longer exists (a rule written before it
     * was removed) is left out rather than refusing the message.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Placed open(String subject, CustomerId requester, Channel channel, Filing filing, Content content) {
        Filing given = filing == null ? Filing.DEFAULT : filing;
        Filing f = new Filing(given.priority(),
                given.categoryId() != null && routing.categoryExists(given.categoryId()) ? given.categoryId() : null,
                given.teamId() != null && routing.teamExists(given.teamId()) ? given.teamId() : null, given.tags());
        CustomerCard card = customers.card(requester);
        TicketIntake.Opened opened = intake.openAs(new NewTicket(subject, content.text(), requester, channel,
                f.priority(), f.categoryId(), f.teamId() == null ? null : new TeamId(f.teamId()), null, f.tags(),
                content.attachments()), Actor.customer(card.id(), card.name()), message -> describe(message, content));
        return new Placed(opened.ticket(), opened.firstMessage(), true);
    }

    /**
     * A customer's message on a ticket: it reopens a solved or pending ticket; on a closed one it opens a follow-up
     * linked to it. As a note ({@code note}), it is kept for the staff and changes nothing (an auto-reply). The author
     * need not be the requester: whoever answers one of our mails is heard.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Placed add(TicketId id, CustomerId author, boolean note, Channel channel, Content content) {
        Ticket ticket = store.find(id).orElseThrow(() -> TicketAccess.notFound(id.value()));
        CustomerCard card = customers.card(author);
        Actor actor = Actor.customer(card.id(), card.name());
        if (!note && ticket.status() == Status.CLOSED) {
            CustomerReply reply = customerTickets.followUp(ticket, actor, content.text(), content.attachments(),
                    channel);
            describe(reply.messageId(), content);
            return new Placed(reply.ticket(), reply.messageId(), true);
        }
        long message = conversations.append(ticket, note ? MessageKind.INTERNAL_NOTE : MessageKind.PUBLIC_REPLY,
                actor, channel, content.text(), content.attachments(), store.now(),
                written -> describe(written, content));
        store.save(ticket);
        return new Placed(id, message, false);
    }

    /** A note by the system on a ticket (what was left out of a message, say). */
    @Transactional(propagation = Propagation.MANDATORY)
    public long systemNote(TicketId id, String text) {
        Ticket ticket = store.find(id).orElseThrow(() -> TicketAccess.notFound(id.value()));
        long message = conversations.append(ticket, MessageKind.INTERNAL_NOTE, Actor.system(), Channel.AGENT, text,
                List.of(), store.now());
        store.save(ticket);
        return message;
    }

    /** Files of a channel message sorted into those a ticket takes and those it refuses (names, for a note). */
    public record Screened(List<NewAttachment> kept, List<String> programs, List<String> tooLarge) {
    }

    /**
     * Sorts a channel message's files: programs and scripts, and files over the attachment limit, are left out
     * (a mail is never refused for its files: the ticket opens and a note says what was left out).
     */
    public Screened screen(List<NewAttachment> files) {
        List<NewAttachment> kept = new java.util.ArrayList<>();
        List<String> programs = new java.util.ArrayList<>();
        List<String> tooLarge = new java.util.ArrayList<>();
        for (NewAttachment file : files) {
            if (AttachmentRules.runnable(file)) {
                programs.add(AttachmentStore.cleanName(file.fileName()));
            } else if (sizeOf(file) > attachmentStore.maxSize()) {
                tooLarge.add(AttachmentStore.cleanName(file.fileName()) + " (" + sizeOf(file) + " B)");
            } else {
                kept.add(file);
            }
        }
        return new Screened(kept, programs, tooLarge);
    }

    /** The ticket number a subject names ("[OTK-1042]", "OTK-1042", "[#1042]"), if any. */
    public Optional<TicketId> numberIn(String subject) {
        if (subject == null || subject.isBlank()) {
            return Optional.empty();
        }
        java.util.regex.Matcher m = subjectNumber.matcher(subject);
        if (m.find()) {
            String digits = m.group(1) != null ? m.group(1) : m.group(2);
            try {
                return Optional.of(new TicketId(Long.parseLong(digits)));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static long sizeOf(NewAttachment file) {
        if (file.content() instanceof org.springframework.core.io.Resource resource) {
            try {
                return resource.contentLength();
            } catch (java.io.IOException e) {
                return 0;
            }
        }
        return 0;
    }

    /** The ticket's requester and organization, or empty when there is no such ticket. */
    @Transactional(readOnly = true)
    public Optional<Parties> parties(TicketId id) {
        return store.find(id).map(t -> new Parties(id, t.reference(), new CustomerId(t.requesterId()),
                t.organizationId(), t.status()));
    }

    private static void describe(TicketMessage message, Content content) {
        if (content.html() != null || content.origin() != null || content.threadReason() != null) {
            message.describe(content.html(), content.origin(), content.threadReason());
        }
    }

    /** Completes a message saved earlier in this transaction (the managed entity: written at the next flush). */
    private void describe(long messageId, Content content) {
        if (content.html() == null && content.origin() == null && content.threadReason() == null) {
            return;
        }
        describe(messages.findById(messageId).orElseThrow(), content);
    }
}
