package io.otklik.channel;

import io.otklik.ticket.Channel;

/** Which stored inbound messages a listing shows; each part may be null (no limit). */
public record InboundFilter(Channel channel, Long accountId, InboundState state, InboundOutcome outcome) {

    public static InboundFilter all() {
        return new InboundFilter(null, null, null, null);
    }
}
