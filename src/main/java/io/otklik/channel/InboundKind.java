package io.otklik.channel;

/**
 * What an arriving message is, for deciding what to do with it: a request or reply from a person ({@code NORMAL});
 * an automatic answer such as out of office ({@code AUTO_REPLY}: added as a note, never acknowledged); a report
 * that one of our mails could not be delivered ({@code BOUNCE}: marks that mail failed, opens no ticket); one of our
 * own mails come back ({@code OWN_NOTIFICATION}: dropped).
 */
public enum InboundKind {
    NORMAL, AUTO_REPLY, BOUNCE, OWN_NOTIFICATION
}
