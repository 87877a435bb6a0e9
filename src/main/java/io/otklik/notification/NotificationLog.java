package io.otklik.notification;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import io.otklik.shared.SupportedLanguages;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The record of every notice decided on: sent through the outbox, or suppressed with the reason. */
@Repository
class NotificationLog {

    private final JdbcClient jdbc;

    NotificationLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean exists(String key) {
        return jdbc.sql("select count(*) from notification where dedupe_key = :key").param("key", key)
                .query(Long.class).single() > 0;
    }

    /** Records the notice as sent to {@code recipient} with {@code cc} in copy, or as suppressed. */
    void add(Notice notice, String recipient, List<String> cc, Long outboxId, String suppressed, Instant at) {
        jdbc.sql("""
                insert into notification (id, dedupe_key, ticket_id, customer_id, kind, audience, recipient, cc,
                    language, outbox_id, suppressed, created_at)
                values (nextval('notification_seq'), :key, :ticket, :customer, :kind, :audience, :recipient, :cc,
                    :language, :outbox, :suppressed, :at)""")
                .param("key", notice.key()).param("ticket", notice.ticketId()).param("customer", notice.customerId())
                .param("kind", notice.kind().name()).param("audience", notice.kind().audience().name())
                .param("recipient", recipient).param("cc", cc.isEmpty() ? null : String.join("\n", cc))
                .param("language", notice.language().getLanguage())
                .param("outbox", outboxId).param("suppressed", suppressed).param("at", Timestamp.from(at)).update();
    }

    /**
     * Records that a notice could not be made at all (its recipient unknown): shown on the ticket as not sent. Does
     * nothing when the notice was decided meanwhile.
     */
    void addFailed(String key, long ticketId, NotificationKind kind, Instant at) {
        jdbc.sql("""
                insert into notification (id, dedupe_key, ticket_id, kind, audience, language, suppressed, created_at)
                select nextval('notification_seq'), :key, :ticket, :kind, :audience, :language, 'failed', :at
                where not exists (select 1 from notification where dedupe_key = :key)""")
                .param("key", key).param("ticket", ticketId).param("kind", kind.name())
                .param("audience", kind.audience().name())
                .param("language", SupportedLanguages.RUSSIAN.getLanguage())
                .param("at", Timestamp.from(at)).update();
    }

    /**
     * Holds the customers' locks until the transaction ends, so that one customer's notices are decided one at a
     * time (the hourly limit counts what the others decided); taken in ascending order.
     */
    void lockCustomers(java.util.Collection<Long> customerIds) {
        List<Long> ids = customerIds.stream().distinct().sorted().toList();
        if (ids.isEmpty()) {
            return;
        }
        // A failed insert would abort a PostgreSQL transaction, so a second writer's insert just does nothing.
        jdbc.sql("insert into notification_recipient (customer_id) values "
                + String.join(", ", java.util.Collections.nCopies(ids.size(), "(?)")) + " on conflict do nothing")
                .params(ids).update();
        // Locked in ascending order: PostgreSQL locks the rows as the sorted result returns them.
        jdbc.sql("select customer_id from notification_recipient where customer_id in (:customers)"
                + " order by customer_id for update")
                .param("customers", ids).query(Long.class).list();
    }

    /** Acknowledgements actually sent to a customer since a time (suppressed ones do not count). */
    long sentSince(long customerId, NotificationKind kind, Instant since) {
        return jdbc.sql("""
                select count(*) from notification where customer_id = :customer and kind = :kind
                and created_at >= :since and suppressed is null""")
                .param("customer", customerId).param("kind", kind.name()).param("since", Timestamp.from(since))
                .query(Long.class).single();
    }

    List<Row> ofTicket(long ticketId) {
        return jdbc.sql("""
                select id, kind, audience, recipient, cc, language, outbox_id, suppressed, created_at
                from notification where ticket_id = :ticket order by created_at, id""")
                .param("ticket", ticketId)
                .query((rs, n) -> new Row(rs.getLong("id"), NotificationKind.valueOf(rs.getString("kind")),
                        NotificationKind.Audience.valueOf(rs.getString("audience")), rs.getString("recipient"),
                        lines(rs.getString("cc")), rs.getString("language"),
                        (Long) rs.getObject("outbox_id", Long.class), rs.getString("suppressed"),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    private static List<String> lines(String text) {
        return text == null || text.isBlank() ? List.of()
                : java.util.Arrays.stream(text.split("\n")).filter(line -> !line.isBlank()).toList();
    }

    record Row(long id, NotificationKind kind, NotificationKind.Audience audience, String recipient, List<String> cc,
            String language, Long outboxId, String suppressed, Instant createdAt) {
    }
}
