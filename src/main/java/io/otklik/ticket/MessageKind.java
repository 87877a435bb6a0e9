package io.otklik.ticket;

/** A public reply goes to the customer; an internal note stays among staff. */
public enum MessageKind {
    PUBLIC_REPLY, INTERNAL_NOTE
}
