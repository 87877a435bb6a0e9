/**
 * Agents (the support staff's working profiles), teams and the support lines L1/L2/L3 they form.
 * May use: shared, identity.
 */
@ApplicationModule(displayName = "Agents and teams", allowedDependencies = {"shared", "identity"})
package io.otklik.agent;

import org.springframework.modulith.ApplicationModule;
