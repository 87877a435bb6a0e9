package io.otklik.identity;

/** What a customer's sign-in link is worth: it works, it has expired, it was used already, or it is not ours. */
public enum CustomerLinkState {
    VALID, EXPIRED, USED, UNKNOWN
}
