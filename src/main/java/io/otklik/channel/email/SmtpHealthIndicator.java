package io.otklik.channel.email;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.mail.MessagingException;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * Whether the SMTP server answers ({@code /actuator/health/mail}). An unreachable server is reported as
 * {@code UNREACHABLE}, which the application's overall health ranks below {@code UP}: mail waits in the outbox
 * meanwhile, so the service itself is healthy and a load balancer must not take it out. The answer is kept for a
 * short while, so health polling does not open an SMTP connection each time.
 */
@Component
class SmtpHealthIndicator implements HealthIndicator {

    static final Status UNREACHABLE = new Status("UNREACHABLE",
            "The SMTP server does not answer; mail waits in the outbox");
    private static final Duration KEEP = Duration.ofSeconds(15);

    private final JavaMailSenderImpl sender;
    private final Clock clock;
    private Health last;
    private Instant checkedAt = Instant.MIN;

    SmtpHealthIndicator(JavaMailSenderImpl sender, Clock clock) {
        this.sender = sender;
        this.clock = clock;
    }

    @Override
    public synchronized Health health() {
        Instant now = clock.instant();
        if (last == null || now.isAfter(checkedAt.plus(KEEP)) || now.isBefore(checkedAt)) {
            last = check();
            checkedAt = now;
        }
        return last;
    }

    /** Forgets the kept answer, so the next health request asks the server again. */
    synchronized void forget() {
        last = null;
    }

    private Health check() {
        if (sender.getHost() == null) {
            return Health.status(UNREACHABLE).withDetail("error", "No SMTP server is configured").build();
        }
        String server = sender.getHost() + ":" + sender.getPort();
        try {
            sender.testConnection();
            return Health.up().withDetail("server", server).build();
        } catch (MessagingException e) {
            return Health.status(UNREACHABLE).withDetail("server", server).withDetail("error", e.getMessage()).build();
        }
    }
}
