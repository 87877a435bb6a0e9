package io.otklik.system;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.otklik.agent.AgentDirectory;
import io.otklik.agent.NewAgent;
import io.otklik.agent.TicketScope;
import io.otklik.identity.Accounts;
import io.otklik.identity.Role;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * On a fresh production database there is nobody to sign in: when OTKLIK_ADMIN_EMAIL and OTKLIK_ADMIN_PASSWORD
 * are set and no account exists yet, this opens the first administrator's account.
 */
@Component
@Order(100)
class FirstAdministrator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

    private final Accounts accounts;
    private final AgentDirectory agents;
    private final String email;
    private final String password;

    FirstAdministrator(Accounts accounts, AgentDirectory agents, @Value("${otklik.admin.email:}") String email,
            @Value("${otklik.admin.password:}") String password) {
        this.accounts = accounts;
        this.agents = agents;
        this.email = email;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (email.isBlank() || password.isBlank() || accounts.anyExist()) {
            return;
        }
        SystemWork.asAdministrator(() -> agents.add(new NewAgent(email.substring(0, email.indexOf('@') < 0
                ? email.length() : email.indexOf('@')), email, password, Role.ADMIN, TicketScope.ALL, Set.of(),
                Locale.of("ru"))));
        log.info("Opened the first administrator account {}", email);
    }

    /** Runs set-up work with administrator rights outside any request. */
    static final class SystemWork {

        private SystemWork() {
        }

        static void asAdministrator(Runnable work) {
            var context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("system", null,
                    List.of(new SimpleGrantedAuthority(Role.ADMIN.authority()))));
            SecurityContextHolder.setContext(context);
            try {
                work.run();
            } finally {
                SecurityContextHolder.clearContext();
            }
        }
    }
}
