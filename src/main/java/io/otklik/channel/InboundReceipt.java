package io.otklik.channel;

/**
 * What receiving a message did: {@code id} of its stored original, and whether it had arrived before ({@code
 * duplicate}: nothing new was stored, and it is not processed again).
 */
public record InboundReceipt(long id, boolean duplicate) {
}
