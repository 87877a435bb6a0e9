package io.otklik.ticket;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where a public reply stands on its way to the customer, as reported by the channel that sends it. Called by the
 * sending machinery (no signed-in user), so it checks no role; it changes nothing but the delivery state.
 */
@Service
public class MessageDeliveries {

    private final TicketMessages messages;
    private final TicketStore store;
    private final ApplicationEventPublisher events;

    MessageDeliveries(TicketMessages messages, TicketStore store, ApplicationEventPublisher events) {
        this.messages = messages;
        this.store = store;
        this.events = events;
    }

    /**
     * Records the message's delivery state and, unless it is sent, why the last try failed ({@code problem} may be
     * null). Returns false when there is no such message.
     */
    @Transactional
    public boolean record(long messageId, Delivery delivery, String problem) {
        return messages.findById(messageId).map(message -> {
            if (message.deliveryChanged(delivery, problem)) {
                events.publishEvent(new MessageDeliveryChanged(new TicketId(message.ticketId()), messageId, delivery,
                        store.now()));
            }
            return true;
        }).orElse(false);
    }
}
