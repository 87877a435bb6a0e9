/**
 * Identity: staff accounts, roles, sign-in (with throttling), personal API tokens and the audit log.
 * May use: shared.
 */
@ApplicationModule(displayName = "Identity", allowedDependencies = "shared")
package io.otklik.identity;

import org.springframework.modulith.ApplicationModule;
