package io.otklik.sla;

import java.time.OffsetDateTime;
import java.util.List;

import io.otklik.ticket.TicketId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The escalation rules that fired for a ticket, for its service-level panel. Not limited by who asks (it shows
 * nothing of the ticket's content): callers showing it to a person check that they may see the ticket.
 */
@Service
public class TicketEscalations {

    private final JdbcClient jdbc;

    TicketEscalations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Oldest first. */
    @Transactional(readOnly = true)
    public List<EscalationFired> of(TicketId ticket) {
        return jdbc.sql("""
                        select fired_at, target, clock_round, at_percent, action, outcome, detail, due_at
                        from sla_escalation_fired where ticket_id = :ticket
                        order by fired_at, target, at_percent""")
                .param("ticket", ticket.value())
                .query((rs, n) -> {
                    OffsetDateTime due = rs.getObject("due_at", OffsetDateTime.class);
                    return new EscalationFired(rs.getObject("fired_at", OffsetDateTime.class).toInstant(),
                            ClockTarget.valueOf(rs.getString("target")), rs.getInt("clock_round"),
                            rs.getInt("at_percent"), EscalationAction.valueOf(rs.getString("action")),
                            rs.getString("outcome"), rs.getString("detail"), due == null ? null : due.toInstant());
                })
                .list();
    }
}
