package io.otklik.channel;

import io.otklik.customer.CustomerId;
import io.otklik.ticket.TicketId;

/** Who follows a ticket besides its requester, as the inbound pipeline adds them (CC'd addresses). */
interface InboundFollowers {

    void follow(TicketId ticket, CustomerId customer, String how);

    boolean follows(TicketId ticket, CustomerId customer);
}
