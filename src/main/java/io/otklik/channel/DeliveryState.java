package io.otklik.channel;

/** Where a queued send stands: waiting (first try or a retry), handed to the server, or given up on. */
public enum DeliveryState {
    QUEUED, SENT, FAILED
}
