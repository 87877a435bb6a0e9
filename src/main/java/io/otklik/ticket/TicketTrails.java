package io.otklik.ticket;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;

import io.otklik.customer.CustomerId;
import io.otklik.customer.CustomerSegments;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads tickets' trails ({@link TicketTrail}) for service levels, many tickets in a few queries, and pages through
 * the tickets still unsolved. Not limited by who asks: the system (listeners, jobs) reads them, and a trail shows
 * nothing of a ticket's content.
 */
@Service
public class TicketTrails {

    private static final String UNSOLVED = "('NEW', 'OPEN', 'PENDING', 'ON_HOLD')";

    private final JdbcClient jdbc;
    private final CustomerSegments segments;

    TicketTrails(JdbcClient jdbc, CustomerSegments segments) {
        this.jdbc = jdbc;
        this.segments = segments;
    }

    /** The trail of one ticket, empty when there is no such ticket. */
    @Transactional(readOnly = true)
    public Optional<TicketTrail> of(TicketId ticket) {
        return Optional.ofNullable(of(List.of(ticket)).get(ticket));
    }

    /**
     * The trails of these tickets, with their agents' messages, in four queries; tickets that do not exist are left
     * out.
     */
    @Transactional(readOnly = true)
    public Map<TicketId, TicketTrail> of(Collection<TicketId> tickets) {
        if (tickets.isEmpty()) {
            return Map.of();
        }
        List<Long> ids = tickets.stream().map(TicketId::value).distinct().toList();
        Map<Long, Current> current = new LinkedHashMap<>();
        jdbc.sql("""
                        select id, created_at, status, priority, category_id, team_id, channel, organization_id,
                               requester_id
                        from ticket where id in (:ids) order by id""")
                .param("ids", ids)
                .query(rs -> {
                    current.put(rs.getLong("id"), new Current(instant(rs, "created_at"),
                            Status.valueOf(rs.getString("status")), Priority.valueOf(rs.getString("priority")),
                            (Long) rs.getObject("category_id", Long.class), (Long) rs.getObject("team_id", Long.class),
                            Channel.valueOf(rs.getString("channel")),
                            (Long) rs.getObject("organization_id", Long.class), rs.getLong("requester_id")));
                });
        if (current.isEmpty()) {
            return Map.of();
        }
        List<Long> found = List.copyOf(current.keySet());
        Map<Long, List<TicketTrail.Fact>> changes = new HashMap<>();
        jdbc.sql("""
                        select ticket_id, at, field, old_value, new_value from ticket_history
                        where ticket_id in (:ids) and field in ('status', 'priority', 'category', 'team')
                        order by ticket_id, at, id""")
                .param("ids", found)
                .query(rs -> {
                    changes.computeIfAbsent(rs.getLong("ticket_id"), k -> new ArrayList<>()).add(change(
                            instant(rs, "at"), rs.getString("field"), rs.getString("old_value"),
                            rs.getString("new_value")));
                });
        Map<Long, List<TicketTrail.Fact>> messages = new HashMap<>();
        Map<Long, List<TicketTrail.AgentMessage>> agentMessages = new HashMap<>();
        jdbc.sql("""
                        select id, ticket_id, kind, author_type, author_id, created_at from ticket_message
                        where ticket_id in (:ids)
                          and (kind = 'PUBLIC_REPLY' and author_type in ('AGENT', 'CUSTOMER')
                               or kind = 'INTERNAL_NOTE' and author_type = 'AGENT')
                        order by ticket_id, created_at, id""")
                .param("ids", found)
                .query(rs -> {
                    long ticket = rs.getLong("ticket_id");
                    Instant at = instant(rs, "created_at");
                    MessageKind kind = MessageKind.valueOf(rs.getString("kind"));
                    Actor.Type author = Actor.Type.valueOf(rs.getString("author_type"));
                    if (kind == MessageKind.PUBLIC_REPLY) {
                        messages.computeIfAbsent(ticket, k -> new ArrayList<>()).add(
                                new TicketTrail.PublicMessage(at, rs.getLong("id"), author));
                    }
                    if (author == Actor.Type.AGENT) {
                        agentMessages.computeIfAbsent(ticket, k -> new ArrayList<>()).add(
                                new TicketTrail.AgentMessage(at, rs.getLong("id"), kind,
                                        (Long) rs.getObject("author_id", Long.class)));
                    }
                });
        Map<CustomerId, SortedSet<String>> segmentsOf = segments.ofEach(current.values().stream()
                .map(c -> new CustomerId(c.requesterId)).distinct().toList());
        Map<TicketId, TicketTrail> trails = new LinkedHashMap<>();
        current.forEach((id, now) -> {
            List<TicketTrail.Fact> fieldChanges = changes.getOrDefault(id, List.of());
            trails.put(new TicketId(id), new TicketTrail(new TicketId(id), now.createdAt, now.channel,
                    now.organizationId, segmentsOf.getOrDefault(new CustomerId(now.requesterId), null),
                    initial(fieldChanges, TicketTrail.StatusChange.class, TicketTrail.StatusChange::from, now.status),
                    initial(fieldChanges, TicketTrail.PriorityChange.class, TicketTrail.PriorityChange::from,
                            now.priority),
                    initial(fieldChanges, TicketTrail.CategoryChange.class, TicketTrail.CategoryChange::from,
                            now.categoryId),
                    initial(fieldChanges, TicketTrail.TeamChange.class, TicketTrail.TeamChange::from, now.teamId),
                    merge(fieldChanges, messages.getOrDefault(id, List.of())),
                    agentMessages.getOrDefault(id, List.of())));
        });
        return trails;
    }

    /**
     * Up to {@code limit} unsolved tickets (new, open, pending, on hold) with ids above {@code after} ({@code null}
     * from the start), in order of id: page on with the last one returned.
     */
    @Transactional(readOnly = true)
    public List<TicketId> unsolvedAfter(TicketId after, int limit) {
        return jdbc.sql("select id from ticket where id > :after and status in " + UNSOLVED
                        + " order by id limit " + Math.max(1, limit))
                .param("after", after == null ? Long.MIN_VALUE : after.value())
                .query(Long.class).list().stream().map(TicketId::new).toList();
    }

    /**
     * Up to {@code limit} tickets opened at {@code since} or later, newest first (the last ones opened, when there
     * are more).
     */
    @Transactional(readOnly = true)
    public List<TicketId> createdSince(Instant since, int limit) {
        return jdbc.sql("select id from ticket where created_at >= :since order by created_at desc, id desc limit "
                        + Math.max(1, limit))
                .param("since", OffsetDateTime.ofInstant(since, ZoneOffset.UTC))
                .query(Long.class).list().stream().map(TicketId::new).toList();
    }

    /**
     * Field changes and messages in time order. At the same instant an agent's answer comes before the field changes
     * it came with (answer and set pending) and a customer's message after them (its reopen).
     */
    private static List<TicketTrail.Fact> merge(List<TicketTrail.Fact> changes, List<TicketTrail.Fact> messages) {
        List<TicketTrail.Fact> all = new ArrayList<>(changes.size() + messages.size());
        messages.stream().filter(m -> ((TicketTrail.PublicMessage) m).author() == Actor.Type.AGENT).forEach(all::add);
        all.addAll(changes);
        messages.stream().filter(m -> ((TicketTrail.PublicMessage) m).author() != Actor.Type.AGENT).forEach(all::add);
        all.sort(java.util.Comparator.comparing(TicketTrail.Fact::at)); // stable: keeps the order above per instant
        return all;
    }

    /** A field's value as opened: the old value of its first recorded change, else its value now. */
    private static <F extends TicketTrail.Fact, V> V initial(List<TicketTrail.Fact> changes, Class<F> type,
            java.util.function.Function<F, V> from, V now) {
        for (TicketTrail.Fact fact : changes) {
            if (type.isInstance(fact)) {
                return from.apply(type.cast(fact));
            }
        }
        return now;
    }

    private static TicketTrail.Fact change(Instant at, String field, String from, String to) {
        return switch (field) {
            case "status" -> new TicketTrail.StatusChange(at, Status.valueOf(from), Status.valueOf(to));
            case "priority" -> new TicketTrail.PriorityChange(at, Priority.valueOf(from), Priority.valueOf(to));
            case "category" -> new TicketTrail.CategoryChange(at, id(from), id(to));
            case "team" -> new TicketTrail.TeamChange(at, id(from), id(to));
            default -> throw new IllegalStateException("Not a trail field: " + field);
        };
    }

    private static Long id(String value) {
        return value == null ? null : Long.valueOf(value);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private record Current(Instant createdAt, Status status, Priority priority, Long categoryId, Long teamId,
            Channel channel, Long organizationId, long requesterId) {
    }
}
