package io.otklik.ticket;

/** Whether a message reached the customer: not applicable (notes, inbound), waiting to be sent, sent, failed. */
public enum Delivery {
    NONE, PENDING, SENT, FAILED
}
