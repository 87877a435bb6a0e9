package io.otklik.channel;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.otklik.ticket.Channel;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code inbound_message} table: raw messages stored before anything else is done with them, and what
 * processing made of them. Inserting the same (channel, account, external id) twice stores it once.
 */
@Repository
class InboundStore {

    private final JdbcClient jdbc;

    InboundStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A stored message waiting to be processed, as the processing transaction holds it. */
    record Pending(long id, Channel channel, long accountId, String externalId, byte[] raw, int attempts) {
    }

    /** Stores the message unless it is there already; the id of the row either way, and whether it is new. */
    InboundReceipt insert(Channel channel, long accountId, String externalId, ArrivedVia via, byte[] raw,
            Instant now) {
        long id = jdbc.sql("select nextval('inbound_message_seq')").query(Long.class).single();
        int inserted = jdbc.sql("""
                insert into inbound_message (id, channel, account_id, external_id, arrived_via, raw, size_bytes,
                    received_at, state, attempts, next_attempt_at)
                values (:id, :channel, :account, :external, :via, :raw, :size, :now, 'RECEIVED', 0, :now)
                on conflict do nothing""")
                .param("id", id).param("channel", channel.name()).param("account", accountId)
                .param("external", externalId).param("via", via.name()).param("raw", raw)
                .param("size", (long) raw.length).param("now", at(now)).update();
        if (inserted == 1) {
            return new InboundReceipt(id, false);
        }
        long existing = jdbc.sql("""
                select id from inbound_message where channel = :channel and account_id = :account
                  and external_id = :external""")
                .param("channel", channel.name()).param("account", accountId).param("external", externalId)
                .query(Long.class).single();
        return new InboundReceipt(existing, true);
    }

    /** Takes the message for processing in the current transaction, unless it is done or another node has it. */
    Optional<Pending> claim(long id) {
        return jdbc.sql("""
                select id, channel, account_id, external_id, raw, attempts from inbound_message
                where id = :id and state = 'RECEIVED' for update skip locked""")
                .param("id", id).query(InboundStore::pending).optional();
    }

    /** Messages due for processing (retries, and those a stopped node left), oldest first. */
    List<Long> due(Instant now, int limit) {
        return jdbc.sql("""
                select id from inbound_message where state = 'RECEIVED' and next_attempt_at <= :now
                order by next_attempt_at, id limit :limit""")
                .param("now", at(now)).param("limit", limit).query(Long.class).list();
    }

    /** Whether the message is processed (done or given up). */
    boolean settled(long id) {
        return jdbc.sql("select state from inbound_message where id = :id").param("id", id).query(String.class)
                .optional().map(state -> !"RECEIVED".equals(state)).orElse(false);
    }

    java.util.Set<Long> settled(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return java.util.Set.of();
        }
        return new java.util.HashSet<>(jdbc.sql("select id from inbound_message where id in (:ids) and state <> 'RECEIVED'")
                .param("ids", ids).query(Long.class).list());
    }

    void done(long id, InboundOutcome outcome, String reason, String sender, String subject, Long ticketId,
            Long ticketMessageId, Instant now) {
        jdbc.sql("""
                update inbound_message set state = 'DONE', outcome = :outcome, outcome_reason = :reason,
                  sender = :sender, subject = :subject, ticket_id = :ticket, ticket_message_id = :message,
                  processed_at = :now, attempts = attempts + 1, last_error = null
                where id = :id""")
                .param("outcome", outcome.name()).param("reason", cut(reason, 1000)).param("sender", cut(sender, 320))
                .param("subject", cut(subject, 500)).param("ticket", ticketId).param("message", ticketMessageId)
                .param("now", at(now)).param("id", id).update();
    }

    /** Records a failed try: due again at {@code retryAt}, or given up when that is null. */
    void failed(long id, String error, Instant retryAt) {
        jdbc.sql("""
                update inbound_message set attempts = attempts + 1, last_error = :error,
                  state = case when :giveUp then 'FAILED' else state end,
                  next_attempt_at = coalesce(:retryAt, next_attempt_at)
                where id = :id and state = 'RECEIVED'""")
                .param("error", cut(error, 2000)).param("giveUp", retryAt == null)
                .param("retryAt", retryAt == null ? null : at(retryAt)).param("id", id).update();
    }

    /** Puts the message back to wait a little (it answers one that is still being processed). */
    void postpone(long id, Instant until) {
        jdbc.sql("update inbound_message set next_attempt_at = :until, attempts = attempts + 1 where id = :id")
                .param("until", at(until)).param("id", id).update();
    }

    /** Queues a message that failed again, due now (its tries counted afresh). */
    boolean retry(long id, Instant now) {
        return jdbc.sql("""
                update inbound_message set state = 'RECEIVED', attempts = 0, next_attempt_at = :now, last_error = null
                where id = :id and state = 'FAILED'""")
                .param("now", at(now)).param("id", id).update() == 1;
    }

    /** Tickets of processed messages by their external ids (Message-IDs of customers' mails already in tickets). */
    Map<String, Long> ticketsOf(Collection<String> externalIds) {
        Map<String, Long> tickets = new HashMap<>();
        if (externalIds.isEmpty()) {
            return tickets;
        }
        // Ordered here, not by the database: "order by id" lets PostgreSQL walk the primary key past every row.
        jdbc.sql("""
                select id, external_id, ticket_id from inbound_message
                where external_id in (:ids) and ticket_id is not null""")
                .param("ids", externalIds)
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getLong(3)}).list().stream()
                .sorted(java.util.Comparator.comparingLong(row -> (Long) row[0]))
                .forEach(row -> tickets.putIfAbsent((String) row[1], (Long) row[2]));
        return tickets;
    }

    /** Whether one of these external ids belongs to another message still waiting to be processed. */
    boolean anyWaiting(Collection<String> externalIds, long except) {
        if (externalIds.isEmpty()) {
            return false;
        }
        return jdbc.sql("""
                select count(*) from inbound_message
                where external_id in (:ids) and state = 'RECEIVED' and id <> :except""")
                .param("ids", externalIds).param("except", except).query(Long.class).single() > 0;
    }

    /** A processed copy of this message that came in through another account, with its ticket. */
    Optional<Long> ticketOfCopy(String externalId, long except) {
        // The earliest is picked here: "order by id limit 1" (or min(id)) lets PostgreSQL walk the primary key past
        // every row when there is no copy, which is nearly always.
        return jdbc.sql("""
                select id, ticket_id from inbound_message
                where external_id = :external and id <> :except and ticket_id is not null""")
                .param("external", externalId).param("except", except)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).list().stream()
                .min(java.util.Comparator.comparingLong(row -> row[0])).map(row -> row[1]);
    }

    /** The ids of customers' mails on a ticket, in the order they arrived (for the thread of our replies). */
    List<String> externalIdsOfTicket(long ticketId, Channel channel) {
        return jdbc.sql("""
                select external_id from inbound_message
                where ticket_id = :ticket and channel = :channel and external_id like '<%'
                order by received_at, id""")
                .param("ticket", ticketId).param("channel", channel.name()).query(String.class).list();
    }

    Optional<byte[]> raw(long id) {
        return jdbc.sql("select raw from inbound_message where id = :id").param("id", id).query(byte[].class)
                .optional();
    }

    Optional<Long> ticketOf(long id) {
        return jdbc.sql("select ticket_id from inbound_message where id = :id").param("id", id)
                .query((rs, n) -> (Long) rs.getObject(1, Long.class)).optional().filter(t -> t != null);
    }

    /** A message moved to another ticket by an agent: its stored original follows it. */
    void moved(long ticketMessageId, long toTicket) {
        jdbc.sql("update inbound_message set ticket_id = :ticket where ticket_message_id = :message")
                .param("ticket", toTicket).param("message", ticketMessageId).update();
    }

    private static Pending pending(ResultSet rs, int n) throws SQLException {
        return new Pending(rs.getLong("id"), Channel.valueOf(rs.getString("channel")), rs.getLong("account_id"),
                rs.getString("external_id"), rs.getBytes("raw"), rs.getInt("attempts"));
    }

    static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
