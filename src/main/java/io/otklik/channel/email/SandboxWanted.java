package io.otklik.channel.email;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Whether the sandbox mail server runs: as {@code otklik.mail.sandbox.enabled} says, or, when that is not set,
 * whenever no SMTP host is configured (the embedded default).
 */
class SandboxWanted implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return wanted(context.getEnvironment());
    }

    static boolean wanted(Environment environment) {
        String explicit = environment.getProperty("otklik.mail.sandbox.enabled");
        if (explicit != null && !explicit.isBlank()) {
            return Boolean.parseBoolean(explicit.strip());
        }
        String host = environment.getProperty("otklik.mail.smtp.host");
        return host == null || host.isBlank();
    }
}
