package io.otklik.channel.email;

import io.otklik.channel.ArrivedVia;
import io.otklik.channel.InboundIntake;
import io.otklik.channel.InboundReceipt;
import io.otklik.shared.NotFoundException;
import io.otklik.shared.RuleViolationException;
import io.otklik.ticket.Channel;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/**
 * Mails handed in whole (RFC 822) for one of the mailboxes, instead of being fetched from it: posted to the API by a
 * script or piped in by a mail server through the mail gate. Only administrators may: whoever hands in a mail
 * writes as any sender. A mailbox switched off for fetching still takes mails handed in.
 */
@Service
public class RawMailIntake {

    private final KnownMailboxes mailboxes;
    private final InboundIntake intake;

    RawMailIntake(KnownMailboxes mailboxes, InboundIntake intake) {
        this.mailboxes = mailboxes;
        this.intake = intake;
    }

    /**
     * Checks, before a mail is read, that the caller may hand one in for this mailbox.
     *
     * @throws NotFoundException when there is no such mailbox
     */
    @PreAuthorize("hasRole('ADMIN')")
    public void checkAccepts(MailAccountId account) {
        if (!mailboxes.exists(account.value())) {
            throw new NotFoundException("mail-account.not-found", account);
        }
    }

    /**
     * Stores the mail for the mailbox and returns; it is processed right after, or before returning when {@code
     * processNow}. The same mail handed in again is recognised (by its Message-ID) and not processed twice.
     *
     * @throws NotFoundException when there is no such mailbox
     * @throws RuleViolationException when the mail is empty
     */
    @PreAuthorize("hasRole('ADMIN')")
    public InboundReceipt receive(MailAccountId account, ArrivedVia via, byte[] raw, boolean processNow) {
        if (via == ArrivedVia.IMAP) {
            throw new IllegalArgumentException("mails fetched from a mailbox are not handed in");
        }
        checkAccepts(account);
        if (!processNow) {
            return intake.receive(Channel.EMAIL, account.value(), via, raw);
        }
        // Processed as the system, exactly as a mail fetched from the mailbox: not as the administrator who posted it.
        SecurityContext caller = SecurityContextHolder.getContext();
        SecurityContextHolder.clearContext();
        try {
            return intake.receiveAndProcess(Channel.EMAIL, account.value(), via, raw);
        } finally {
            SecurityContextHolder.setContext(caller);
        }
    }
}
