package io.otklik.channel;

/** What processing an inbound message did with it. */
public enum InboundOutcome {
    /** A ticket was opened for it (also a follow-up of a closed ticket). */
    TICKET_OPENED,
    /** It was added to an existing ticket as the customer's message. */
    ADDED_TO_TICKET,
    /** It was added to a ticket as an internal note (an auto-reply about it). */
    NOTE_ADDED,
    /** A delivery failure report: the failed outgoing mail was marked; no ticket. */
    BOUNCE_RECORDED,
    /** Kept only here: a loop, an unrelated auto-reply, a postmaster rule, or a copy of a message already in a ticket. */
    DROPPED
}
