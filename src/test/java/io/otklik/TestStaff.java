package io.otklik;

import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import io.otklik.agent.AgentDirectory;
import io.otklik.agent.NewAgent;
import io.otklik.agent.TeamId;
import io.otklik.agent.TicketScope;
import io.otklik.identity.Role;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Staff members for tests, added through {@link AgentDirectory} the way an administrator adds them. Logins are
 * unique per call, so test classes sharing a database never collide.
 */
public final class TestStaff {

    public static final String PASSWORD = "test-password-1";

    private TestStaff() {
    }

    /** Adds a staff member with no language of their own (pages follow the browser's), and returns the login. */
    public static String add(AgentDirectory agents, Role role) {
        return add(agents, role, TicketScope.ALL, Set.of(), null);
    }

    public static String add(AgentDirectory agents, Role role, TicketScope scope, Set<TeamId> teams, Locale locale) {
        String login = role.name().toLowerCase(Locale.ROOT) + "-" + unique() + "@staff.example";
        asAdmin(() -> agents.add(new NewAgent("Test " + role.name().toLowerCase(Locale.ROOT), login, PASSWORD, role,
                scope, teams, locale)));
        return login;
    }

    /** A short random text for names that must not collide with other tests' data. */
    public static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** Runs set-up work as an administrator, outside any request. */
    public static <T> T asAdmin(Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("test-admin", null,
                AuthorityUtils.createAuthorityList("ROLE_ADMIN")));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
