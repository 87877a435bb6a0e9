package io.otklik.channel;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import io.otklik.ticket.Delivery;
import io.otklik.ticket.MessageDeliveries;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outbox every outgoing mail goes through: stored in the caller's transaction with its Message-ID and the
 * ticket's thread (In-Reply-To, References), handed to the dispatcher once that transaction commits.
 */
@Service
class TransactionalOutbox implements Outbox {

    static final String EMAIL = "email";
    /** References keeps the thread's first message and the latest ones, as mail programs do for long threads. */
    static final int MAX_REFERENCES = 10;
    static final int MAX_KEY = 200;

    private final OutboxEntries entries;
    private final OutboundChannels channels;
    private final OutboxDispatcher dispatcher;
    private final MessageDeliveries deliveries;
    private final Clock clock;

    TransactionalOutbox(OutboxEntries entries, OutboundChannels channels, OutboxDispatcher dispatcher,
            MessageDeliveries deliveries, Clock clock) {
        this.entries = entries;
        this.channels = channels;
        this.dispatcher = dispatcher;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    @Override
    @Transactional
    public long enqueue(OutboundMail mail) {
        check(mail);
        // A key queued before (a listener that runs twice) is found when the insert does nothing: looking it up
        // first would cost every mail a query for the rare repeat.
        // The thread so far: the ticket's earlier mails, ours and the customers', in the order they were written.
        // Our mail answers the customer's latest mail (as a reply written in a mail program would), or continues
        // our own thread when they have not written by mail.
        List<OutboxEntries.ThreadMail> thread = mail.ticketId() == null ? List.of()
                : entries.messageIdsOfTicket(mail.ticketId(), EMAIL);
        List<String> earlier = thread.stream().map(OutboxEntries.ThreadMail::messageId).toList();
        String answers = thread.stream().filter(OutboxEntries.ThreadMail::theirs)
                .reduce((a, b) -> b).map(OutboxEntries.ThreadMail::messageId)
                .orElse(earlier.isEmpty() ? null : earlier.getLast());
        String messageId = channels.of(EMAIL).newMessageId(mail.ticketId());
        long id = entries.nextId();
        if (!entries.insert(id, mail, EMAIL, messageId, answers,
                references(earlier), clock.instant())) {
            // Queued before, or meanwhile by a transaction that committed while this one waited on the key.
            return entries.idOfKey(mail.key()).orElseThrow();
        }
        if (mail.ticketMessageId() != null) {
            deliveries.record(mail.ticketMessageId(), Delivery.PENDING, null);
        }
        dispatcher.sendAfterCommit(id);
        return id;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<Long, DeliveryState> states(Collection<Long> ids) {
        return entries.states(ids);
    }

    /** The References of a new message of a thread whose earlier Message-IDs are given, oldest first. */
    static List<String> references(List<String> earlier) {
        if (earlier.size() <= MAX_REFERENCES) {
            return earlier;
        }
        List<String> kept = new ArrayList<>();
        kept.add(earlier.getFirst());
        kept.addAll(earlier.subList(earlier.size() - (MAX_REFERENCES - 1), earlier.size()));
        return kept;
    }

    private static void check(OutboundMail mail) {
        if (mail.key() == null || mail.key().isBlank() || mail.key().length() > MAX_KEY) {
            throw new IllegalArgumentException("A mail needs a key of 1 to " + MAX_KEY + " characters");
        }
        if (mail.to() == null || mail.to().isEmpty() || mail.to().stream().anyMatch(a -> a == null || a.isBlank())) {
            throw new IllegalArgumentException("A mail needs at least one recipient: " + mail.key());
        }
        if (mail.subject() == null || mail.text() == null) {
            throw new IllegalArgumentException("A mail needs a subject and a text: " + mail.key());
        }
    }
}
