package io.otklik.sla;

import java.util.List;

/**
 * The ordered list of service-level policies. The last one is the default: it matches every ticket and can be
 * neither disabled nor deleted, so every ticket has a policy.
 */
public interface SlaPolicies {

    /** All policies, enabled or not, in the order they are tried. */
    List<SlaPolicy> all();

    /** The first enabled policy whose conditions match {@code subject}; the default when no other does. */
    SlaPolicy applicableTo(SlaSubject subject);

    /** The policy with this id, also a disabled one. @throws io.otklik.shared.NotFoundException when there is none */
    SlaPolicy get(SlaPolicyId id);
}
