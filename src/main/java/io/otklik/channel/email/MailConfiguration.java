package io.otklik.channel.email;

import java.time.Clock;
import java.util.Properties;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The SMTP sender: the configured server, or else the sandbox mail server inside the application. Our own bean, so
 * Spring Boot's mail auto-configuration (and its health indicator, which would turn the whole health endpoint
 * DOWN while SMTP is away) stays out; {@link SmtpHealthIndicator} reports on its own group instead.
 */
@Configuration(proxyBeanMethods = false)
class MailConfiguration {

    /**
     * Jakarta Mail 2.1 looks its stream provider up with a ServiceLoader (scanning every jar) each time it decodes a
     * header or writes a part, which took a third of the time of reading a mail. Naming the provider in the system
     * property it checks first makes that a cached class lookup. An explicitly set property is left alone.
     */
    static {
        if (System.getProperty("jakarta.mail.util.StreamProvider") == null) {
            System.setProperty("jakarta.mail.util.StreamProvider", "org.eclipse.angus.mail.util.MailStreamProvider");
        }
    }

    @Bean(initMethod = "start", destroyMethod = "stop")
    @Conditional(SandboxWanted.class)
    SandboxMailServer sandboxMailServer(MailSettings settings, Clock clock) {
        return new SandboxMailServer(settings.sandbox(), clock);
    }

    @Bean
    JavaMailSenderImpl mailSender(MailSettings settings, ObjectProvider<SandboxMailServer> sandbox) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setDefaultEncoding("UTF-8");
        Properties properties = sender.getJavaMailProperties();
        MailSettings.Smtp smtp = settings.smtp();
        String timeout = String.valueOf(smtp.timeout().toMillis());
        properties.setProperty("mail.smtp.connectiontimeout", timeout);
        properties.setProperty("mail.smtp.timeout", timeout);
        properties.setProperty("mail.smtp.writetimeout", timeout);
        SandboxMailServer server = sandbox.getIfAvailable();
        if (smtp.configured()) {
            sender.setHost(smtp.host());
            sender.setPort(smtp.port());
            if (smtp.username() != null && !smtp.username().isBlank()) {
                sender.setUsername(smtp.username());
                sender.setPassword(smtp.password());
                properties.setProperty("mail.smtp.auth", "true");
            }
            switch (smtp.tls()) {
                case "ssl" -> properties.setProperty("mail.smtp.ssl.enable", "true");
                case "none" -> properties.setProperty("mail.smtp.starttls.enable", "false");
                default -> {
                    properties.setProperty("mail.smtp.starttls.enable", "true");
                    properties.setProperty("mail.smtp.starttls.required", "true");
                }
            }
        } else if (server != null) {
            sender.setHost(server.host());
            sender.setPort(server.smtpPort());
        }
        return sender;
    }
}
