/**
 * Shared kernel: the injected clock, the error shape and paging. Tiny and free of business rules.
 */
@ApplicationModule(displayName = "Shared", type = ApplicationModule.Type.OPEN)
package io.otklik.shared;

import org.springframework.modulith.ApplicationModule;
