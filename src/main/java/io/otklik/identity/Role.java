package io.otklik.identity;

/** What a staff member may do; each role includes the ones below it. */
public enum Role {
    AGENT, SUPERVISOR, ADMIN;

    public String authority() {
        return "ROLE_" + name();
    }

    public boolean includes(Role other) {
        return ordinal() >= other.ordinal();
    }
}
