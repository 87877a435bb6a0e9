package io.otklik.ticket;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The followers of all tickets, one row per ticket and customer. Plain SQL that runs the same on PostgreSQL and H2:
 * {@code on conflict do nothing} makes adding the same follower twice (two transactions at once included) harmless.
 */
@Repository
class Followers {

    private final JdbcClient jdbc;

    Followers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds the follower; false when they already followed. */
    boolean add(long ticket, long customer, FollowSource source, Instant at) {
        return jdbc.sql("""
                insert into ticket_follower (ticket_id, customer_id, source, added_at)
                values (:ticket, :customer, :source, :at) on conflict do nothing""")
                .param("ticket", ticket).param("customer", customer).param("source", source.name())
                .param("at", Timestamp.from(at)).update() == 1;
    }

    /** Removes the follower; false when they did not follow. */
    boolean remove(long ticket, long customer) {
        return jdbc.sql("delete from ticket_follower where ticket_id = :ticket and customer_id = :customer")
                .param("ticket", ticket).param("customer", customer).update() == 1;
    }

    boolean exists(long ticket, long customer) {
        return jdbc.sql("select count(*) from ticket_follower where ticket_id = :ticket and customer_id = :customer")
                .param("ticket", ticket).param("customer", customer).query(Long.class).single() > 0;
    }

    /** The ticket's followers, the earliest first. */
    List<Row> of(long ticket) {
        return jdbc.sql("""
                select customer_id, source, added_at from ticket_follower where ticket_id = :ticket
                order by added_at, customer_id""")
                .param("ticket", ticket)
                .query((rs, n) -> new Row(rs.getLong("customer_id"), FollowSource.valueOf(rs.getString("source")),
                        rs.getObject("added_at", java.time.OffsetDateTime.class).toInstant()))
                .list();
    }

    /**
     * Gives a merged duplicate's rows to the customer they were merged into: where that customer already follows
     * the ticket or is its requester (the duplicate's tickets have just become theirs), the row goes.
     */
    void moveAll(long duplicate, long into) {
        jdbc.sql("""
                delete from ticket_follower where customer_id = :duplicate and ticket_id in
                  (select ticket_id from ticket_follower where customer_id = :into
                   union select id from ticket where requester_id = :into)""")
                .param("duplicate", duplicate).param("into", into).update();
        jdbc.sql("update ticket_follower set customer_id = :into where customer_id = :duplicate")
                .param("duplicate", duplicate).param("into", into).update();
        jdbc.sql("""
                delete from ticket_follower where customer_id = :into
                and ticket_id in (select id from ticket where requester_id = :into)""")
                .param("into", into).update();
    }

    record Row(long customerId, FollowSource source, Instant since) {
    }
}
