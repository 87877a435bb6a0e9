package io.otklik.ticket;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Links between tickets: {@code ticket_id} is linked to {@code linked_ticket_id} with a kind, and in every kind the
 * ticket came out of the linked one: for {@value #FOLLOW_UP} it continues the linked one, for {@value #SPLIT} it was
 * opened from a message of the linked one, for {@value #MOVED} it received a message moved from the linked one.
 * Read from both ends.
 */
@Component
class TicketLinks {

    static final String FOLLOW_UP = "FOLLOW_UP";
    static final String SPLIT = "SPLIT";
    static final String MOVED = "MOVED";

    private static final String COLUMNS = "t.id, t.reference, t.subject, t.status, t.requester_id, t.organization_id, "
            + "t.team_id, t.assignee_id, l.kind, l.created_at";

    private final JdbcClient jdbc;

    TicketLinks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Links the tickets; a link of that kind between them that is already there stays as it was. */
    void add(TicketId ticket, TicketId linked, String kind, Instant now) {
        boolean present = jdbc.sql("select count(*) from ticket_link where ticket_id = ? and linked_ticket_id = ? "
                        + "and kind = ?")
                .params(ticket.value(), linked.value(), kind).query(Long.class).single() > 0;
        if (!present) {
            jdbc.sql("insert into ticket_link (ticket_id, linked_ticket_id, kind, created_at) values (?, ?, ?, ?)")
                    .params(ticket.value(), linked.value(), kind, Timestamp.from(now)).update();
        }
    }

    /** Every ticket linked to this one, either way, oldest link first. */
    List<Linked> of(TicketId ticket) {
        return jdbc.sql("select 'OUT' as direction, " + COLUMNS
                        + " from ticket_link l join ticket t on t.id = l.linked_ticket_id where l.ticket_id = :id"
                        + " union all select 'IN' as direction, " + COLUMNS
                        + " from ticket_link l join ticket t on t.id = l.ticket_id where l.linked_ticket_id = :id"
                        + " order by created_at, id")
                .param("id", ticket.value())
                .query((rs, n) -> new Linked(new TicketLinkView(new TicketId(rs.getLong("id")),
                        rs.getString("reference"), rs.getString("subject"), Status.valueOf(rs.getString("status")),
                        relation(rs.getString("kind"), "OUT".equals(rs.getString("direction")))),
                        rs.getLong("requester_id"), rs.getObject("organization_id", Long.class),
                        rs.getObject("team_id", Long.class), rs.getObject("assignee_id", Long.class)))
                .list();
    }

    private static TicketLinkView.Relation relation(String kind, boolean outgoing) {
        return switch (kind) {
            case SPLIT -> outgoing ? TicketLinkView.Relation.SPLIT_FROM : TicketLinkView.Relation.SPLIT_INTO;
            case MOVED -> outgoing ? TicketLinkView.Relation.MOVED_FROM : TicketLinkView.Relation.MOVED_TO;
            default -> outgoing ? TicketLinkView.Relation.FOLLOW_UP_OF : TicketLinkView.Relation.FOLLOWED_UP_BY;
        };
    }

    /** A linked ticket with what it takes to decide who may see it. */
    record Linked(TicketLinkView view, long requesterId, Long organizationId, Long teamId, Long assigneeId) {
    }
}
