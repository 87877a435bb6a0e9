package io.otklik.channel;

import java.util.Map;

import io.otklik.identity.Accounts;
import io.otklik.identity.Role;
import io.otklik.shared.NotFoundException;
import io.otklik.shared.PageOf;
import io.otklik.ticket.Channel;
import io.otklik.ticket.TicketId;
import io.otklik.ticket.TicketQueries;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The stored inbound messages as the staff see them: administrators list them with what became of each and why,
 * have a failed one processed again, and read any original; other staff read the original of a message only when
 * they may see the ticket it went to.
 */
@Service
public class InboundLog {

    /** Listings count up to here; beyond it they say "more than". */
    public static final int COUNT_CAP = 10_000;
    public static final int MAX_PAGE_SIZE = 200;

    private final InboundRecords records;
    private final InboundIntake intake;
    private final Accounts accounts;
    private final TicketQueries tickets;

    InboundLog(InboundRecords records, InboundIntake intake, Accounts accounts, TicketQueries tickets) {
        this.records = records;
        this.intake = intake;
        this.accounts = accounts;
        this.tickets = tickets;
    }

    /** The stored original, exactly as it arrived. */
    public record Original(long id, byte[] raw) {
    }

    /** One page of stored messages, newest first. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public PageOf<InboundRecord> find(InboundFilter filter, int page, int size) {
        int pageSize = Math.max(1, Math.min(size, MAX_PAGE_SIZE));
        int pageNumber = Math.max(0, Math.min(page, COUNT_CAP / pageSize));
        InboundFilter f = filter == null ? InboundFilter.all() : filter;
        long total = records.count(f, COUNT_CAP + 1);
        return new PageOf<>(records.find(f, pageNumber * pageSize, pageSize), pageNumber, pageSize,
                Math.min(total, COUNT_CAP), total > COUNT_CAP);
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public InboundRecord record(long id) {
        return records.find(id).orElseThrow(() -> notFound(id));
    }

    /** Messages waiting and given up on, for each mailbox (or other account) of the channel that has any. */
    @PreAuthorize("hasRole('SUPERVISOR')")
    @Transactional(readOnly = true)
    public Map<Long, InboundCounts> unsettledByAccount(Channel channel) {
        return records.unsettledByAccount(channel);
    }

    /** Messages waiting and given up on, over all channels. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public InboundCounts unsettled() {
        return records.unsettled();
    }

    /**
     * Processes a message that was given up on again, now. False when it had not failed (it was retried
     * meanwhile); a message that does not exist is not found.
     */
    @PreAuthorize("hasRole('ADMIN')")
    public boolean retry(long id) {
        records.find(id).orElseThrow(() -> notFound(id));
        return intake.retry(id);
    }

    /**
     * The original of a stored message: administrators read any (also dropped ones), other staff only that of a
     * message in a ticket they may see. Anything else is answered as not found, like a message that does not exist.
     */
    @PreAuthorize("hasRole('AGENT')")
    @Transactional(readOnly = true)
    public Original original(long id) {
        InboundRecord record = records.find(id).orElseThrow(() -> notFound(id));
        var asker = accounts.current();
        if (asker.isEmpty() || !asker.get().is(Role.ADMIN)) {
            // Only a signed-in staff member is checked against the ticket: the check lets "nobody" (the system) see all.
            if (record.ticketId() == null || asker.isEmpty()) {
                throw notFound(id);
            }
            try {
                // Enforces the ticket's access rules for the signed-in staff member.
                tickets.details(new TicketId(record.ticketId()));
            } catch (NotFoundException hidden) {
                throw notFound(id);
            }
        }
        return new Original(id, intake.original(id).orElseThrow(() -> notFound(id)));
    }

    private static NotFoundException notFound(long id) {
        return new NotFoundException("inbound.not-found", id);
    }
}
