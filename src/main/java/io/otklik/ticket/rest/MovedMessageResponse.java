package io.otklik.ticket.rest;

import io.otklik.ticket.MessageMoves;

/**
 * Where a message went: the ticket it left and the one it is on now (for a split, the new one), and {@code href}
 * to read that ticket.
 */
record MovedMessageResponse(long messageId, long fromTicket, long toTicket, String toReference, String href) {

    static MovedMessageResponse of(MessageMoves.Moved moved) {
        return new MovedMessageResponse(moved.messageId(), moved.from().value(), moved.to().value(),
                moved.toReference(), "/api/v1/tickets/" + moved.to().value());
    }
}
