package io.otklik.customer;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

import io.otklik.identity.Audit;
import io.otklik.shared.ConflictException;
import io.otklik.shared.NotFoundException;
import io.otklik.shared.RuleViolationException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Segments of customers (VIP, partners): supervisors keep the list, any agent puts a customer in or out. Other
 * modules match on segment names, e.g. an SLA policy for VIP customers.
 */
@Service
public class CustomerSegments {

    public static final int MAX_NAME_LENGTH = 60;

    private final JdbcClient jdbc;
    private final CustomerLookup lookup;
    private final Audit audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    CustomerSegments(JdbcClient jdbc, CustomerLookup lookup, Audit audit, Clock clock,
            ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.lookup = lookup;
        this.audit = audit;
        this.clock = clock;
    }

    /** All segments by name, with how many customers each holds. */
    @Transactional(readOnly = true)
    public List<SegmentView> segments() {
        return jdbc.sql("""
                        select s.name, (select count(*) from customer_segment cs join customer c on c.id = cs.customer_id
                                        where cs.segment_id = s.id and c.merged_into is null) as members
                        from segment s order by lower(s.name)""")
                .query((rs, n) -> new SegmentView(rs.getString("name"), rs.getLong("members"))).list();
    }

    @Transactional
    @PreAuthorize("hasRole('SUPERVISOR')")
    public void create(String name) {
        String value = name == null ? "" : name.strip();
        if (value.isEmpty()) {
            throw new RuleViolationException("customer.segment.name-required");
        }
        if (value.length() > MAX_NAME_LENGTH) {
            throw new RuleViolationException("customer.segment.name-too-long");
        }
        if (find(value) != null) {
            throw new ConflictException("customer.segment.name-taken", value);
        }
        long id = jdbc.sql("select nextval('segment_seq')").query(Long.class).single();
        jdbc.sql("insert into segment (id, name, created_at) values (:id, :name, :at)").param("id", id)
                .param("name", value).param("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)).update();
        audit.record("customer.segment.created", value);
    }

    /** Deletes the segment; its customers simply leave it. */
    @Transactional
    @PreAuthorize("hasRole('SUPERVISOR')")
    public void delete(String name) {
        Segment segment = require(name);
        List<Long> members = jdbc.sql("select customer_id from customer_segment where segment_id = :id")
                .param("id", segment.id()).query(Long.class).list();
        jdbc.sql("delete from customer_segment where segment_id = :id").param("id", segment.id()).update();
        changed(members);
        jdbc.sql("delete from segment where id = :id").param("id", segment.id()).update();
        audit.record("customer.segment.deleted", segment.name());
    }

    /** Puts the customer in the segment; already being in it is fine. */
    @Transactional
    public void putIn(CustomerId customer, String segmentName) {
        long id = lookup.live(customer).id();
        Segment segment = require(segmentName);
        int added = jdbc.sql("""
                        insert into customer_segment (customer_id, segment_id) select :customer, :segment
                        where not exists (select 1 from customer_segment where customer_id = :customer
                                          and segment_id = :segment)""")
                .param("customer", id).param("segment", segment.id()).update();
        if (added > 0) {
            changed(List.of(id));
        }
    }

    @Transactional
    public void takeOut(CustomerId customer, String segmentName) {
        long id = lookup.live(customer).id();
        Segment segment = require(segmentName);
        int removed = jdbc.sql("delete from customer_segment where customer_id = :customer and segment_id = :segment")
                .param("customer", id).param("segment", segment.id()).update();
        if (removed > 0) {
            changed(List.of(id));
        }
    }

    /** Names of the customer's segments, sorted; for a merged customer, those of the customer they became. */
    @Transactional(readOnly = true)
    public SortedSet<String> of(CustomerId customer) {
        long id = lookup.live(customer).id();
        return Collections.unmodifiableSortedSet(new TreeSet<>(of(List.of(id)).getOrDefault(id, new TreeSet<>())));
    }

    /**
     * Names of each customer's segments, for many customers in one query; customers in no segment are left out. The
     * ids are taken as given (a merged customer's old id has no segments).
     */
    @Transactional(readOnly = true)
    public Map<CustomerId, SortedSet<String>> ofEach(Collection<CustomerId> customers) {
        Map<CustomerId, SortedSet<String>> result = new HashMap<>();
        of(customers.stream().map(CustomerId::value).distinct().toList())
                .forEach((id, names) -> result.put(new CustomerId(id), Collections.unmodifiableSortedSet(names)));
        return result;
    }

    Map<Long, SortedSet<String>> of(Collection<Long> customers) {
        Map<Long, SortedSet<String>> result = new HashMap<>();
        if (customers.isEmpty()) {
            return result;
        }
        jdbc.sql("select cs.customer_id, s.name from customer_segment cs join segment s on s.id = cs.segment_id "
                        + "where cs.customer_id in (:customers)")
                .param("customers", customers)
                .query(rs -> {
                    result.computeIfAbsent(rs.getLong("customer_id"), k -> new TreeSet<>()).add(rs.getString("name"));
                });
        return result;
    }

    /** Gives the target every segment of the duplicate (merge). */
    void moveAll(long from, long to) {
        int added = jdbc.sql("""
                        insert into customer_segment (customer_id, segment_id)
                        select :to, segment_id from customer_segment d where d.customer_id = :from
                        and not exists (select 1 from customer_segment t where t.customer_id = :to
                                        and t.segment_id = d.segment_id)""")
                .param("to", to).param("from", from).update();
        jdbc.sql("delete from customer_segment where customer_id = :from").param("from", from).update();
        if (added > 0) {
            changed(List.of(to));
        }
    }

    private void changed(List<Long> customers) {
        if (!customers.isEmpty()) {
            events.publishEvent(new CustomerSegmentsChanged(customers.stream().map(CustomerId::new).toList(),
                    clock.instant()));
        }
    }

    private Segment require(String name) {
        Segment segment = name == null ? null : find(name.strip());
        if (segment == null) {
            throw new NotFoundException("customer.segment.not-found", name == null ? "" : name.strip());
        }
        return segment;
    }

    /** The segment of this name, whatever the letter case. */
    private Segment find(String name) {
        return jdbc.sql("select id, name from segment where lower(name) = lower(:name)").param("name", name)
                .query((rs, n) -> new Segment(rs.getLong("id"), rs.getString("name"))).optional().orElse(null);
    }

    private record Segment(long id, String name) {
    }
}
