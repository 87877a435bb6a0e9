package io.otklik.channel;

/** How a stored inbound message reached us. */
public enum ArrivedVia {
    /** Fetched from a mailbox. */
    IMAP,
    /** Posted raw to the API. */
    API,
    /** Piped in by a mail server through the command-line mail gate (which posts it to the API). */
    GATE
}
