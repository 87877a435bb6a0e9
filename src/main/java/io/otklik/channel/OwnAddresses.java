package io.otklik.channel;

/**
 * Our own addresses on a channel (the support mailboxes, the From of our mail, the ones an administrator lists): a
 * message from one of them is our own coming back, and none of them is ever made a customer or a follower.
 */
public interface OwnAddresses {

    boolean isOwn(String address);
}
