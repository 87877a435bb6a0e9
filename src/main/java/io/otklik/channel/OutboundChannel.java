package io.otklik.channel;

/**
 * The outbound side of one channel (email, later chat or messengers): the outbox hands it each queued send of its
 * channel. Each channel's sub-package implements it once.
 */
public interface OutboundChannel {

    /** The channel's name as stored with each queued send, e.g. {@code "email"}. */
    String channel();

    /**
     * A new, globally unique id for a send, given when it is queued and kept through every retry, so that a send
     * repeated after a crash reaches the other side as the same message.
     */
    String newMessageId(Long ticketId);

    /**
     * Delivers the send. Returns when the other side has accepted it; throws {@link DeliveryFailure} (or any runtime
     * exception, taken as passing) when it did not.
     */
    void deliver(QueuedSend send);
}
