package io.otklik.ticket;

/** Another ticket linked to this one, and how: this one follows it up, or it follows this one up. */
public record TicketLinkView(TicketId ticket, String reference, String subject, Status status, Relation relation) {

    public enum Relation {
        /** This ticket continues the linked one (a customer wrote again after it was closed). */
        FOLLOW_UP_OF,
        /** The linked ticket continues this one. */
        FOLLOWED_UP_BY
    }
}
