/**
 * What customers and agents are told, and when: acknowledgements, replies, "waiting for you", "solved — please
 * confirm", "closed — thank you", and agents' notices. Templates per language, editable by admins.
 * May use: shared, identity, customer, agent, ticket, sla, channel.
 */
@ApplicationModule(displayName = "Notifications",
        allowedDependencies = {"shared", "identity", "customer", "agent", "ticket", "sla", "channel"})
package io.otklik.notification;

import org.springframework.modulith.ApplicationModule;
