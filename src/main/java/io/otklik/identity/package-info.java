/**
 * Identity: staff accounts, roles, sign-in (with throttling), personal API tokens, the audit log, and customers'
 * portal sign-in (optional password, one-time links, preferred language) by the customer module's id.
 * May use: shared.
 */
@ApplicationModule(displayName = "Identity", allowedDependencies = "shared")
package io.otklik.identity;

import org.springframework.modulith.ApplicationModule;
