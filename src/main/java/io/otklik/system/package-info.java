/**
 * The application shell: layout, languages (message bundles and the user's locale), demo data, health and the
 * start-up notice.
 * May use: every other module.
 */
@ApplicationModule(displayName = "System")
package io.otklik.system;

import org.springframework.modulith.ApplicationModule;
