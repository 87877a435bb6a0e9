/**
 * The customer portal: customers sign in (password or one-time link), follow their requests and their
 * organization's where allowed, read the public conversation, reply with files, confirm a solution or reopen, and
 * keep their profile and language.
 * May use: shared, identity, customer, ticket.
 */
@ApplicationModule(displayName = "Customer portal", allowedDependencies = {"shared", "identity", "customer", "ticket"})
package io.otklik.portal;

import org.springframework.modulith.ApplicationModule;
