package io.otklik.channel;

/** Stored inbound messages still to be processed ({@code waiting}) and given up on ({@code failed}). */
public record InboundCounts(long waiting, long failed) {

    public static final InboundCounts NONE = new InboundCounts(0, 0);
}
