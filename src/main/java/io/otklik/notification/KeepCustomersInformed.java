package io.otklik.notification;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.otklik.sla.PromisedAnswers;
import io.otklik.sla.PromisedTimeChanged;
import io.otklik.ticket.Conversations;
import io.otklik.ticket.FollowerView;
import io.otklik.ticket.HistoryView;
import io.otklik.ticket.MessageAdded;
import io.otklik.ticket.MessageView;
import io.otklik.ticket.Status;
import io.otklik.ticket.TicketChanged;
import io.otklik.ticket.TicketDetails;
import io.otklik.ticket.TicketFollowers;
import io.otklik.ticket.TicketId;
import io.otklik.ticket.TicketQueries;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The support team's rules for customers, carried out: acknowledge every request with its number and the time we
 * will answer by; tell them when that time changes; send each public reply; say when we wait for them; ask to
 * confirm a solution; thank on closing.
 *
 * <p>A ticket's followers get its public replies in copy of the requester's mail. Everything else is for the
 * requester alone: the acknowledgement, "waiting for you", "solved — please confirm" and "closed" speak to the
 * person who asked, and the solved notice's links sign the requester in to confirm or reopen — no one else may.
 */
@Component
class KeepCustomersInformed {

    /** How much longer than the closing wait a solution may be old and still be thanked for when it closes. */
    private static final java.time.Duration GRACE = java.time.Duration.ofDays(7);


    private final TicketQueries tickets;
    private final Conversations conversations;
    private final PromisedAnswers promises;
    private final Notices notices;
    private final Notifier notifier;
    private final TicketFollowers followers;
    private final Clock clock;
    private final ZoneId zone;

    /** A ticket solved this long before it closes gets no "closed" mail (a backlog closed at once). */
    private final java.time.Duration staleSolution;

    KeepCustomersInformed(TicketQueries tickets, Conversations conversations, PromisedAnswers promises,
            Notices notices, Notifier notifier, TicketFollowers followers, Clock clock,
            @Value("${otklik.time-zone}") String zone,
            @Value("${otklik.tickets.close-solved-after:7d}") java.time.Duration closeAfter) {
        this.staleSolution = closeAfter.plus(GRACE);
        this.tickets = tickets;
        this.conversations = conversations;
        this.promises = promises;
        this.notices = notices;
        this.notifier = notifier;
        this.followers = followers;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    /**
     * Acknowledges new tickets with their numbers and the time we will answer by, in the caller's transaction: the
     * {@link AcknowledgementQueue} calls it for the tickets noted when they opened, many in one transaction. Their
     * customers are locked first, all at once and in one order, so that two batches (on two threads or nodes) never
     * wait for each other in a circle.
     */
    void acknowledge(List<TicketId> ids) {
        List<TicketDetails> opened = ids.stream().map(tickets::details).toList();
        notifier.lockCustomers(opened.stream().map(ticket -> ticket.requester().id().value()).toList());
        for (TicketDetails ticket : opened) {
            var language = notices.languageOf(ticket);
            String answerBy = AnswerTime.format(promises.firstAnswerBy(ticket.id()), clock.instant(), zone, language);
            notifier.sendLocked(notices.forCustomer("ack:" + ticket.id().value(), NotificationKind.ACKNOWLEDGEMENT,
                    ticket, language, Map.of("answer.by", answerBy), null, List.of()));
        }
    }

    /**
     * The time we promised to answer by moved (priority raised, policy or calendar changed): the requester is told
     * the new time, once per change, and only while the ticket is unsolved.
     */
    @ApplicationModuleListener
    void on(PromisedTimeChanged event) {
        TicketDetails ticket = tickets.details(event.ticket());
        if (!Status.UNSOLVED.contains(ticket.status())) {
            return;
        }
        var language = notices.languageOf(ticket);
        Map<String, String> times = Map.of(
                "answer.by", AnswerTime.format(event.after(), clock.instant(), zone, language),
                "answer.before", AnswerTime.format(event.before(), clock.instant(), zone, language));
        notifier.send(notices.forCustomer("promise:" + event.ticket().value() + ":" + event.at().toEpochMilli(),
                NotificationKind.PROMISE_CHANGED, ticket, times, null));
    }

    // Only agents' public replies and status changes concern the customer; the conditions leave the rest out
    // before a publication is stored.
    @ApplicationModuleListener(
            condition = "#event.kind().name() == 'PUBLIC_REPLY' and #event.author().name() == 'AGENT'")
    void on(MessageAdded event) {
        TicketDetails ticket = tickets.details(event.ticket());
        Optional<MessageView> reply = conversations.of(event.ticket()).stream()
                .filter(message -> message.id() == event.messageId()).findFirst();
        if (reply.isEmpty()) {
            return;
        }
        List<String> copies = followers.list(event.ticket()).stream().map(FollowerView::email)
                .filter(Objects::nonNull).toList();
        notifier.send(notices.forCustomer("reply:" + event.messageId(), NotificationKind.AGENT_REPLY, ticket,
                Map.of("reply.text", reply.get().body(), "agent.name", reply.get().author().name()),
                event.messageId(), copies));
    }

    @ApplicationModuleListener(condition = "#event.fields().contains('status')")
    void on(TicketChanged event) {
        Optional<HistoryView> change = tickets.history(event.ticket()).stream()
                .filter(entry -> entry.field().equals("status") && notAfter(entry.at(), event.at()))
                .reduce((first, second) -> second);
        if (change.isEmpty()) {
            return;
        }
        Status status = Status.valueOf(change.get().newValue());
        TicketDetails ticket = tickets.details(event.ticket());
        long at = event.at().toEpochMilli();
        switch (status) {
            case PENDING -> {
                if (!event.fields().contains("reply")) {
                    notifier.send(notices.forCustomer("waiting:" + ticket.id().value() + ":" + at,
                            NotificationKind.WAITING_FOR_CUSTOMER, ticket, Map.of(), null));
                }
            }
            case SOLVED -> notifier.send(notices.forCustomer("solved:" + ticket.id().value() + ":" + at,
                    NotificationKind.SOLVED, ticket, Map.of("confirm.link", notices.portalLink(ticket, "confirm"),
                            "reopen.link", notices.portalLink(ticket, "reopen")), null));
            case CLOSED -> {
                // A backlog closed at once (old data imported, the closing job switched on late) is not news to
                // anyone: no thanks for a ticket solved long ago.
                if (ticket.solvedAt() == null || ticket.solvedAt().isAfter(event.at().minus(staleSolution))) {
                    notifier.send(notices.forCustomer("closed:" + ticket.id().value(), NotificationKind.CLOSED,
                            ticket, Map.of(), null));
                }
            }
            default -> {
            }
        }
    }

    /**
     * Whether a history line belongs to the change an event reports or to one before it: the event is stamped as
     * the change is saved, a moment after its history lines; a later change has its own event.
     */
    private static boolean notAfter(java.time.Instant line, java.time.Instant event) {
        return !line.truncatedTo(java.time.temporal.ChronoUnit.MICROS)
                .isAfter(event.truncatedTo(java.time.temporal.ChronoUnit.MICROS));
    }
}
