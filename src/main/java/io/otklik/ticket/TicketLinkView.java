package io.otklik.ticket;

/** Another ticket linked to this one, and how it relates to this one. */
public record TicketLinkView(TicketId ticket, String reference, String subject, Status status, Relation relation) {

    public enum Relation {
        /** This ticket continues the linked one (a customer wrote again after it was closed). */
        FOLLOW_UP_OF,
        /** The linked ticket continues this one. */
        FOLLOWED_UP_BY,
        /** This ticket was opened from a message split off the linked one. */
        SPLIT_FROM,
        /** A message of this ticket was split off into the linked, new ticket. */
        SPLIT_INTO,
        /** A message of the linked ticket was moved here. */
        MOVED_FROM,
        /** A message of this ticket was moved to the linked one. */
        MOVED_TO
    }
}
