package io.otklik.ticket;

import java.util.List;

import io.otklik.customer.CustomerId;
import io.otklik.customer.CustomerSegmentsChanged;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A customer's segments are part of what their tickets are (a policy for VIP customers applies to a VIP's ticket):
 * when they change, each of the customer's unsolved tickets tells {@link TicketChanged} with the field
 * {@value TicketChanged#SEGMENTS}, in the same transaction, so that the service-level clocks are counted by the policy
 * that applies now. Solved and closed tickets keep the clocks they had.
 */
@Component
class SegmentChangesReachTickets {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    SegmentChangesReachTickets(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    @EventListener
    void on(CustomerSegmentsChanged event) {
        List<Long> tickets = jdbc.sql("""
                select id from ticket where requester_id in (:customers) and status in (:unsolved) order by id""")
                .param("customers", event.customers().stream().map(CustomerId::value).toList())
                .param("unsolved", Status.UNSOLVED.stream().map(Status::name).toList())
                .query(Long.class).list();
        for (long ticket : tickets) {
            events.publishEvent(new TicketChanged(new TicketId(ticket), List.of(TicketChanged.SEGMENTS), event.at()));
        }
    }
}
