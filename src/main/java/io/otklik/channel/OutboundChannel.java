package io.otklik.channel;

import java.util.List;
import java.util.function.BiConsumer;

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

    /**
     * Delivers several sends one after another, telling {@code outcome} of each as it is done (the exception, or
     * null when the other side accepted it), in any order but each exactly once. A channel with connections to set
     * up (SMTP) sends them over as few as it can; by default each goes through {@link #deliver} alone.
     */
    default void deliverAll(List<QueuedSend> sends, BiConsumer<QueuedSend, RuntimeException> outcome) {
        for (QueuedSend send : sends) {
            RuntimeException failure = null;
            try {
                deliver(send);
            } catch (RuntimeException e) {
                failure = e;
            }
            outcome.accept(send, failure);
        }
    }
}
