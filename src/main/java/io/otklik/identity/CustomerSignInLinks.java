package io.otklik.identity;

import java.time.Duration;

/**
 * One-time sign-in links for the customer portal. The returned token goes into {@code /portal/link/{token}};
 * it works once, until it expires.
 */
public interface CustomerSignInLinks {

    /** Issues a link for the customer with that id (the customer module's id), valid for the given time. */
    String issue(long customerId, Duration validFor);
}
