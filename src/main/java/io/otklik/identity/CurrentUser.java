package io.otklik.identity;

import java.util.Locale;

/** The signed-in staff member as the rest of the application sees them. */
public record CurrentUser(UserId id, String login, String displayName, Role role, Locale locale)
        implements java.io.Serializable {

    public boolean is(Role atLeast) {
        return role.includes(atLeast);
    }
}
