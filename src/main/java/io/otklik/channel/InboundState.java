package io.otklik.channel;

/** Where a stored inbound message stands. */
public enum InboundState {
    /** Stored and waiting to be processed (also between tries after a failure). */
    RECEIVED,
    /** Processed: its outcome says what became of it. */
    DONE,
    /** Given up on after repeated failures; an administrator can try it again. */
    FAILED
}
