package io.otklik.system;

import java.util.Locale;

import io.otklik.shared.SupportedLanguages;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Says where Otklik answers once it is ready, and — while the demo administrator still has the demo password —
 * how to sign in. In the server's language when it is Russian or English, else in Russian.
 */
@Component
class StartupNotice {

    private static final Logger log = LoggerFactory.getLogger(StartupNotice.class);
    private static final String RULE = "-".repeat(64);

    private final MessageSource messages;
    private final UserDetailsService users;
    private final PasswordEncoder passwords;
    private final String publicUrl;

    StartupNotice(MessageSource messages, UserDetailsService users, PasswordEncoder passwords,
            @Value("${otklik.public-url}") String publicUrl) {
        this.messages = messages;
        this.users = users;
        this.passwords = passwords;
        this.publicUrl = publicUrl;
    }

    @EventListener(ApplicationReadyEvent.class)
    void announce() {
        Locale locale = SupportedLanguages.nearest(Locale.getDefault());
        StringBuilder notice = new StringBuilder("\n").append(RULE).append("\n  ")
                .append(messages.getMessage("startup.ready", new Object[] {publicUrl}, locale)).append('\n');
        if (demoSignInWorks()) {
            notice.append("  ").append(messages.getMessage("startup.demo-sign-in",
                    new Object[] {DemoData.ADMIN_LOGIN, DemoData.PASSWORD}, locale)).append('\n');
        }
        log.info(notice.append(RULE).toString());
    }

    /** Only a sign-in that works is worth printing: not once the administrator has changed the password. */
    private boolean demoSignInWorks() {
        try {
            UserDetails admin = users.loadUserByUsername(DemoData.ADMIN_LOGIN);
            return admin.isEnabled() && passwords.matches(DemoData.PASSWORD, admin.getPassword());
        } catch (UsernameNotFoundException e) {
            return false;
        }
    }
}
