package io.otklik.channel.email;

import java.util.List;
import java.util.Optional;

import io.otklik.shared.NotFoundException;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** What supervisors may read of the sandbox mail server: the mails that reached it. */
@Service
public class SandboxMails {

    private final ObjectProvider<SandboxMailServer> server;
    private final MailSettings settings;

    SandboxMails(ObjectProvider<SandboxMailServer> server, MailSettings settings) {
        this.server = server;
        this.settings = settings;
    }

    /** The sandbox, when this application runs one. */
    @PreAuthorize("hasRole('SUPERVISOR')")
    public Optional<SandboxMailServer> sandbox() {
        return Optional.ofNullable(server.getIfAvailable());
    }

    /** Where mail goes when there is no sandbox: the SMTP host, or null when none is configured either. */
    @PreAuthorize("hasRole('SUPERVISOR')")
    public String smtpHost() {
        return settings.smtp().host();
    }

    /** The mails that reached the sandbox, newest first (none without a sandbox). */
    @PreAuthorize("hasRole('SUPERVISOR')")
    public List<SandboxMail> mails() {
        SandboxMailServer sandbox = server.getIfAvailable();
        return sandbox == null ? List.of() : sandbox.mails();
    }

    @PreAuthorize("hasRole('SUPERVISOR')")
    public SandboxMail mail(long number) {
        SandboxMailServer sandbox = server.getIfAvailable();
        return (sandbox == null ? Optional.<SandboxMail>empty() : sandbox.mail(number))
                .orElseThrow(() -> new NotFoundException("sandbox.mail.not-found", number));
    }
}
