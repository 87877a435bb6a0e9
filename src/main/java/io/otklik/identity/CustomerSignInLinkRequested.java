package io.otklik.identity;

/**
 * A customer asked for a sign-in link on the portal; whoever sends mail to customers sends it to {@code email},
 * as {@code <otklik.public-url>/portal/link/<token>}, in {@code language} ("ru", "en"). The token works once and
 * only for a short while.
 */
public record CustomerSignInLinkRequested(long customerId, String email, String token, String language) {
}
