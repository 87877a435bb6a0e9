package io.otklik.channel;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The outbox table. Plain SQL that runs the same on PostgreSQL and H2 (PostgreSQL mode): {@code on conflict do
 * nothing} for idempotent queuing, {@code for update skip locked} so two nodes never claim the same entry.
 */
@Repository
class OutboxEntries {

    static final int MAX_ERROR = 2000;

    private final JdbcClient jdbc;

    OutboxEntries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A new entry as queued; not inserted when its key is already queued (returns false then). */
    boolean insert(long id, OutboundMail mail, String channel, String messageId, String inReplyTo,
            List<String> references, Instant now) {
        return jdbc.sql("""
                insert into outbox_entry (id, send_key, channel, ticket_id, ticket_message_id, recipients, cc,
                    subject, body_text, body_html, message_id, in_reply_to, thread_references, state, attempts,
                    next_attempt_at, created_at)
                values (:id, :key, :channel, :ticketId, :ticketMessageId, :to, :cc, :subject, :text, :html,
                    :messageId, :inReplyTo, :references, 'QUEUED', 0, :now, :now)
                on conflict do nothing""")
                .param("id", id).param("key", mail.key()).param("channel", channel)
                .param("ticketId", mail.ticketId()).param("ticketMessageId", mail.ticketMessageId())
                .param("to", lines(mail.to())).param("cc", mail.cc() == null || mail.cc().isEmpty() ? null
                        : lines(mail.cc()))
                .param("subject", mail.subject()).param("text", mail.text()).param("html", mail.html())
                .param("messageId", messageId).param("inReplyTo", inReplyTo)
                .param("references", references.isEmpty() ? null : String.join(" ", references))
                .param("now", Timestamp.from(now))
                .update() == 1;
    }

    long nextId() {
        return jdbc.sql("select nextval('outbox_entry_seq')").query(Long.class).single();
    }

    Optional<Long> idOfKey(String key) {
        return jdbc.sql("select id from outbox_entry where send_key = :key").param("key", key).query(Long.class)
                .optional();
    }

    /** The Message-IDs already given to a ticket's sends on a channel, oldest first. */
    /** The ticket's mails so far, ours and the customers' (stored inbound mail), in the order they were written. */
    List<ThreadMail> messageIdsOfTicket(long ticketId, String channel) {
        return jdbc.sql("""
                select message_id, created_at, id, false from outbox_entry
                where ticket_id = :ticketId and channel = :channel
                union all
                select external_id, received_at, id, true from inbound_message
                where ticket_id = :ticketId and channel = upper(:channel) and external_id like '<%'
                order by 2, 3""")
                .param("ticketId", ticketId).param("channel", channel)
                .query((rs, n) -> new ThreadMail(rs.getString(1), rs.getBoolean(4))).list();
    }

    /** A mail of a ticket's thread: its Message-ID, and whether the customer's side wrote it. */
    record ThreadMail(String messageId, boolean theirs) {
    }

    /** Tickets of our own mails by their Message-IDs. */
    Map<String, Long> ticketsOfMessageIds(Collection<String> messageIds) {
        Map<String, Long> tickets = new LinkedHashMap<>();
        if (messageIds.isEmpty()) {
            return tickets;
        }
        jdbc.sql("select message_id, ticket_id from outbox_entry where message_id in (:ids) and ticket_id is not null")
                .param("ids", messageIds).query((rs, n) -> tickets.put(rs.getString(1), rs.getLong(2))).list();
        return tickets;
    }

    /** A mail of ours that a delivery failure report names. */
    record Bounced(long entryId, Long ticketId, Long ticketMessageId) {
    }

    /** Marks our mail with this Message-ID failed (the receiving side gave up on it after we sent it). */
    Optional<Bounced> bounced(String messageId, String diagnostic) {
        Optional<Bounced> entry = jdbc.sql(
                        "select id, ticket_id, ticket_message_id from outbox_entry where message_id = :id for update")
                .param("id", messageId)
                .query((rs, n) -> new Bounced(rs.getLong(1), (Long) rs.getObject(2, Long.class),
                        (Long) rs.getObject(3, Long.class)))
                .optional();
        entry.ifPresent(e -> jdbc.sql("""
                        update outbox_entry set state = 'FAILED', last_error = :error where id = :id""")
                .param("error", ("bounced: " + diagnostic).length() > 2000 ? ("bounced: " + diagnostic).substring(0, 2000)
                        : "bounced: " + diagnostic)
                .param("id", e.entryId()).update());
        return entry;
    }

    Map<Long, DeliveryState> states(Collection<Long> ids) {
        Map<Long, DeliveryState> states = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return states;
        }
        jdbc.sql("select id, state from outbox_entry where id in (:ids)").param("ids", ids)
                .query((rs, row) -> Map.entry(rs.getLong("id"), DeliveryState.valueOf(rs.getString("state"))))
                .list().forEach(entry -> states.put(entry.getKey(), entry.getValue()));
        return states;
    }

    /**
     * Claims up to {@code limit} entries, those due first, that no other node holds: counts each one's try and holds
     * it until {@code claimedUntil}. Must run in a transaction of its own that commits before the sends.
     */
    List<QueuedSend> claimDue(Instant now, Instant claimedUntil, int limit) {
        return hold(jdbc.sql("""
                select id from outbox_entry where state = 'QUEUED' and next_attempt_at <= :now
                order by next_attempt_at, id limit :limit for update skip locked""")
                .param("now", Timestamp.from(now)).param("limit", limit).query(Long.class).list(), now, claimedUntil);
    }

    /** Claims those of the entries that are due and that no other node holds; same terms as {@link #claimDue}. */
    List<QueuedSend> claim(Collection<Long> ids, Instant now, Instant claimedUntil) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return hold(jdbc.sql("""
                select id from outbox_entry where id in (:ids) and state = 'QUEUED' and next_attempt_at <= :now
                order by id for update skip locked""")
                .param("ids", ids).param("now", Timestamp.from(now)).query(Long.class).list(), now, claimedUntil);
    }

    private List<QueuedSend> hold(List<Long> due, Instant now, Instant claimedUntil) {
        if (due.isEmpty()) {
            return List.of();
        }
        jdbc.sql("""
                update outbox_entry set attempts = attempts + 1, last_attempt_at = :now, next_attempt_at = :until
                where id in (:ids)""")
                .param("now", Timestamp.from(now)).param("until", Timestamp.from(claimedUntil)).param("ids", due)
                .update();
        return jdbc.sql("select * from outbox_entry where id in (:ids) order by next_attempt_at, id")
                .param("ids", due).query((rs, row) -> send(rs)).list();
    }

    private static QueuedSend send(ResultSet rs) throws SQLException {
        return new QueuedSend(rs.getLong("id"), rs.getString("channel"), longOrNull(rs, "ticket_id"),
                longOrNull(rs, "ticket_message_id"), list(rs.getString("recipients")), list(rs.getString("cc")),
                rs.getString("subject"), rs.getString("body_text"), rs.getString("body_html"),
                rs.getString("message_id"), rs.getString("in_reply_to"), words(rs.getString("thread_references")),
                rs.getInt("attempts"));
    }

    /** Records sends as done. Whoever sent them, they are sent: a late claim of another node changes nothing. */
    void sent(Collection<Long> ids, Instant now) {
        if (ids.isEmpty()) {
            return;
        }
        jdbc.sql("update outbox_entry set state = 'SENT', sent_at = :now, last_error = null where id in (:ids)")
                .param("now", Timestamp.from(now)).param("ids", ids).update();
    }

    /**
     * Records a failed try: due again at {@code retryAt}, or given up ({@code retryAt} null). Only while the try is
     * still the entry's latest and the entry is not sent; returns whether it was recorded.
     */
    boolean failed(long id, int attempt, String error, Instant retryAt) {
        String sql = retryAt == null
                ? "update outbox_entry set state = 'FAILED', last_error = :error"
                        + " where id = :id and attempts = :attempt and state = 'QUEUED'"
                : "update outbox_entry set last_error = :error, next_attempt_at = :retryAt"
                        + " where id = :id and attempts = :attempt and state = 'QUEUED'";
        var statement = jdbc.sql(sql).param("error", clip(error, MAX_ERROR)).param("id", id)
                .param("attempt", attempt);
        if (retryAt != null) {
            statement = statement.param("retryAt", Timestamp.from(retryAt));
        }
        return statement.update() == 1;
    }

    /** Queues a failed entry again, due now, with its tries counted afresh; returns false unless it had failed. */
    boolean retry(long id, Instant now) {
        return jdbc.sql("""
                update outbox_entry set state = 'QUEUED', attempts = 0, next_attempt_at = :now
                where id = :id and state = 'FAILED'""")
                .param("now", Timestamp.from(now)).param("id", id).update() == 1;
    }

    /** The newest entries, of one state or all. */
    List<OutboxEntryView> latest(DeliveryState state, int limit) {
        return jdbc.sql("""
                select id, channel, ticket_id, ticket_message_id, recipients, subject, message_id, state, attempts,
                    next_attempt_at, last_attempt_at, last_error, sent_at, created_at
                from outbox_entry where (:state is null or state = :state)
                order by created_at desc, id desc limit :limit""")
                .param("state", state == null ? null : state.name(), java.sql.Types.VARCHAR).param("limit", limit)
                .query((rs, row) -> new OutboxEntryView(rs.getLong("id"), rs.getString("channel"),
                        longOrNull(rs, "ticket_id"), longOrNull(rs, "ticket_message_id"),
                        list(rs.getString("recipients")), rs.getString("subject"), rs.getString("message_id"),
                        DeliveryState.valueOf(rs.getString("state")), rs.getInt("attempts"),
                        instant(rs, "next_attempt_at"), instant(rs, "last_attempt_at"), rs.getString("last_error"),
                        instant(rs, "sent_at"), instant(rs, "created_at")))
                .list();
    }

    Optional<Long> ticketMessageOf(long id) {
        return jdbc.sql("select ticket_message_id from outbox_entry where id = :id").param("id", id)
                .query((rs, row) -> Optional.ofNullable(longOrNull(rs, "ticket_message_id"))).optional()
                .flatMap(found -> found);
    }

    Map<DeliveryState, Long> counts() {
        Map<DeliveryState, Long> counts = new EnumMap<>(DeliveryState.class);
        for (DeliveryState state : DeliveryState.values()) {
            counts.put(state, 0L);
        }
        jdbc.sql("select state, count(*) as n from outbox_entry group by state")
                .query((rs, row) -> Map.entry(DeliveryState.valueOf(rs.getString("state")), rs.getLong("n")))
                .list().forEach(entry -> counts.put(entry.getKey(), entry.getValue()));
        return counts;
    }

    static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    private static String lines(List<String> addresses) {
        return String.join("\n", addresses.stream().map(String::strip).toList());
    }

    private static List<String> list(String lines) {
        return lines == null || lines.isBlank() ? List.of()
                : Arrays.stream(lines.split("\n")).filter(line -> !line.isBlank()).toList();
    }

    private static List<String> words(String text) {
        return text == null || text.isBlank() ? List.of() : Arrays.asList(text.strip().split("\\s+"));
    }

    private static Long longOrNull(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
