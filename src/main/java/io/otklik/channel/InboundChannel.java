package io.otklik.channel;

import io.otklik.ticket.Channel;

/**
 * The inbound side of one channel (the counterpart of {@link OutboundChannel}): turns what arrived, exactly as it
 * arrived, into an {@link InboundMessage}. Parsing never throws on malformed input; what had to be repaired or left
 * out is said in the message's notes.
 */
public interface InboundChannel {

    /** The channel requests parsed here come from. */
    Channel channel();

    /** The message as a person reads it, with its classification. The same bytes always give the same result. */
    InboundMessage parse(byte[] raw);

    /**
     * The message's id, as {@link #parse} would give it, at the least cost: every arriving message needs it (to be
     * stored once) before it is processed. Adapters with a cheaper way than a whole parse override this.
     */
    default String externalId(byte[] raw) {
        return parse(raw).externalId();
    }
}
