package io.otklik.customer;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Every address of every customer, one owner per address. Written in the caller's transaction; the customer row
 * must already be in the database (flushed), as the addresses refer to it.
 */
@Component
class ContactBook {

    private static final String COLUMNS = "select kind, address, customer_id, created_at from customer_contact";

    private final JdbcClient jdbc;

    ContactBook(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An address as stored, with its owner. */
    record Entry(ContactKind kind, String address, long customerId, Instant since) {
    }

    Optional<Long> ownerOf(ContactKind kind, String address) {
        if (address == null) {
            return Optional.empty();
        }
        return jdbc.sql("select customer_id from customer_contact where kind = :kind and address = :address")
                .param("kind", kind.name()).param("address", address).query(Long.class).optional();
    }

    void add(long customer, ContactKind kind, String address, Instant now) {
        jdbc.sql("insert into customer_contact (kind, address, customer_id, created_at) "
                        + "values (:kind, :address, :customer, :at)")
                .param("kind", kind.name()).param("address", address).param("customer", customer)
                .param("at", OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).update();
    }

    boolean remove(long customer, ContactKind kind, String address) {
        return jdbc.sql("delete from customer_contact where customer_id = :customer and kind = :kind "
                        + "and address = :address")
                .param("customer", customer).param("kind", kind.name()).param("address", address).update() > 0;
    }

    /** The customer's addresses: emails, phones, Telegram, VK; each kind oldest first. */
    List<Entry> of(long customer) {
        return jdbc.sql(COLUMNS + " where customer_id = :customer order by kind, created_at, address")
                .param("customer", customer).query(ContactBook::entry).list();
    }

    Map<Long, List<Entry>> of(Collection<Long> customers) {
        if (customers.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql(COLUMNS + " where customer_id in (:customers) order by kind, created_at, address")
                .param("customers", customers).query(ContactBook::entry).list().stream()
                .collect(Collectors.groupingBy(Entry::customerId, LinkedHashMap::new, Collectors.toList()));
    }

    /** The customer's oldest address of this kind. */
    Optional<String> first(long customer, ContactKind kind) {
        return jdbc.sql("select address from customer_contact where customer_id = :customer and kind = :kind "
                        + "order by created_at, address")
                .param("customer", customer).param("kind", kind.name()).query(String.class).stream().findFirst();
    }

    long count(long customer) {
        return jdbc.sql("select count(*) from customer_contact where customer_id = :customer")
                .param("customer", customer).query(Long.class).single();
    }

    void moveAll(long from, long to) {
        jdbc.sql("update customer_contact set customer_id = :to where customer_id = :from")
                .param("to", to).param("from", from).update();
    }

    private static Entry entry(ResultSet rs, int n) throws SQLException {
        return new Entry(ContactKind.valueOf(rs.getString("kind")), rs.getString("address"), rs.getLong("customer_id"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}
