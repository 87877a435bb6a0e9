package io.otklik.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.otklik.channel.OutboundMail;
import io.otklik.channel.Outbox;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns a notice into a mail: checks it is not a second send, not a loop and not a flood, fills the template in the
 * recipient's language and hands the mail to the outbox — all in one transaction with the record shown on the ticket.
 * The people in copy get the same single mail in Cc; an address we never write to is left out of it.
 */
@Component
class Notifier {

    private final NotificationTemplates templates;
    private final NotificationLog log;
    private final AcknowledgementGuard guard;
    private final NotificationSettings settings;
    private final Outbox outbox;
    private final Clock clock;

    Notifier(NotificationTemplates templates, NotificationLog log, AcknowledgementGuard guard,
            NotificationSettings settings, Outbox outbox, Clock clock) {
        this.templates = templates;
        this.log = log;
        this.guard = guard;
        this.settings = settings;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    void send(Notice notice) {
        if (notice.kind() == NotificationKind.ACKNOWLEDGEMENT && notice.customerId() != null) {
            log.lockCustomers(List.of(notice.customerId()));
        }
        sendLocked(notice);
    }

    /**
     * Holds these customers' locks until the transaction ends (ascending, so that transactions taking several never
     * wait for each other in a circle): their acknowledgements may then be sent with {@link #sendLocked}.
     */
    void lockCustomers(List<Long> customers) {
        log.lockCustomers(customers);
    }

    /** Sends a notice whose customer's lock the transaction holds already ({@link #lockCustomers}). */
    @Transactional
    void sendLocked(Notice notice) {
        if (log.exists(notice.key())) {
            return;
        }
        Instant now = clock.instant();
        Optional<String> refusal = guard.refusal(notice.recipient());
        if (refusal.isEmpty() && notice.kind() == NotificationKind.ACKNOWLEDGEMENT && notice.customerId() != null
                && log.sentSince(notice.customerId(), notice.kind(), now.minus(Duration.ofHours(1)))
                        >= settings.maxAcknowledgementsPerHour()) {
            refusal = Optional.of("too-many");
        }
        List<String> cc = notice.cc().stream().filter(address -> guard.refusal(address).isEmpty()).toList();
        String to = notice.recipient();
        if (refusal.isPresent() && !cc.isEmpty()) {
            // We cannot write to the requester (no address, or one of ours): the people in copy still get the mail.
            to = cc.getFirst();
            cc = cc.subList(1, cc.size());
            refusal = Optional.empty();
        }
        if (refusal.isPresent()) {
            log.add(notice, to, List.of(), null, refusal.get(), now);
            return;
        }
        NotificationTemplate template = templates.forNotice(notice.kind(), notice.language());
        String subject = TemplateText.oneLine(TemplateText.fill(template.subject(), notice.variables()));
        String text = TemplateText.fill(template.body(), notice.variables());
        long outboxId = outbox.enqueue(new OutboundMail("notification:" + notice.key(), notice.ticketId(),
                notice.ticketMessageId(), List.of(to), cc, subject, text,
                TemplateText.html(text, notice.language().getLanguage())));
        log.add(notice, to, cc, outboxId, null, now);
    }
}
