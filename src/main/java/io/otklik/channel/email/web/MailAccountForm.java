package io.otklik.channel.email.web;

import java.time.Duration;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.otklik.channel.email.MailAccountDetails;
import io.otklik.channel.email.MailAccountView;
import io.otklik.channel.email.MailSecurity;
import io.otklik.channel.email.SmtpDetails;
import io.otklik.channel.email.SmtpView;

import org.springframework.validation.Errors;

/**
 * The form of a mailbox: reading (IMAP) and replying (SMTP, optional). Password fields are never filled in from
 * what is saved. Numbers are kept as typed (Hibernate Validator checks {@code @Min}/{@code @Max} on text, and turns
 * away text that is no number); the SMTP fields, which count only when an SMTP server is entered, are checked by
 * {@link #checkOutgoing}.
 */
record MailAccountForm(
        @NotBlank(message = "{mail-account.form.name-required}")
        @Size(max = 200, message = "{mail-account.form.too-long}") String name,
        @NotBlank(message = "{mail-account.form.address-required}")
        @Email(message = "{mail-account.form.address-invalid}")
        @Size(max = 320, message = "{mail-account.form.too-long}") String address,
        @NotBlank(message = "{mail-account.form.host-required}")
        @Size(max = 255, message = "{mail-account.form.too-long}") String host,
        @NotBlank(message = "{mail-account.form.port-required}")
        @Min(value = 1, message = "{mail-account.form.port-range}")
        @Max(value = 65535, message = "{mail-account.form.port-range}") String port,
        @NotNull(message = "{mail-account.form.security-required}") MailSecurity security,
        @NotBlank(message = "{mail-account.form.username-required}")
        @Size(max = 320, message = "{mail-account.form.too-long}") String username,
        @Size(max = 500, message = "{mail-account.form.too-long}") String password,
        @NotBlank(message = "{mail-account.form.folder-required}")
        @Size(max = 200, message = "{mail-account.form.too-long}") String folder,
        @NotBlank(message = "{mail-account.form.interval-required}")
        @Min(value = 10, message = "{mail-account.form.interval-range}")
        @Max(value = 86400, message = "{mail-account.form.interval-range}") String pollSeconds,
        Boolean enabled,
        Boolean sendsReplies,
        @Size(max = 255, message = "{mail-account.form.too-long}") String smtpHost,
        String smtpPort,
        MailSecurity smtpSecurity,
        @Size(max = 320, message = "{mail-account.form.too-long}") String smtpUsername,
        @Size(max = 500, message = "{mail-account.form.too-long}") String smtpPassword) {

    static MailAccountForm blank() {
        return new MailAccountForm("", "", "", "993", MailSecurity.SSL, "", "", "INBOX", "60", true, true, "",
                Integer.toString(MailSecurity.STARTTLS.defaultSmtpPort()), MailSecurity.STARTTLS, "", "");
    }

    static MailAccountForm of(MailAccountView account) {
        SmtpView smtp = account.smtp();
        return new MailAccountForm(account.name(), account.address(), account.host(),
                Integer.toString(account.port()), account.security(), account.username(), "", account.folder(),
                Long.toString(account.pollInterval().toSeconds()), account.enabled(), account.sendsReplies(),
                smtp == null ? "" : smtp.host(),
                Integer.toString(smtp == null ? MailSecurity.STARTTLS.defaultSmtpPort() : smtp.port()),
                smtp == null ? MailSecurity.STARTTLS : smtp.security(), smtp == null ? "" : smtp.username(), "");
    }

    MailAccountDetails details() {
        return new MailAccountDetails(strip(name), strip(address), strip(host), number(port, 0), security,
                strip(username), password, strip(folder), Duration.ofSeconds(number(pollSeconds, 60)),
                Boolean.TRUE.equals(enabled), Boolean.TRUE.equals(sendsReplies), smtp());
    }

    /** The SMTP server as entered; null when none is (the mailbox sends through the global one). */
    SmtpDetails smtp() {
        return hasSmtpHost() ? new SmtpDetails(strip(smtpHost), number(smtpPort, 0), smtpSecurity,
                strip(smtpUsername), smtpPassword) : null;
    }

    boolean hasSmtpHost() {
        return smtpHost != null && !smtpHost.isBlank();
    }

    /**
     * With an SMTP server entered: a port from 1 to 65535, a security, and a password when a user name is given and
     * no password is saved yet ({@code passwordSaved}).
     */
    void checkOutgoing(Errors errors, boolean passwordSaved) {
        if (!hasSmtpHost()) {
            return;
        }
        if (smtpPort == null || smtpPort.isBlank()) {
            errors.rejectValue("smtpPort", "mail-account.form.port-required");
        } else if (!hasSmtpPort()) {
            errors.rejectValue("smtpPort", "mail-account.form.port-range");
        }
        if (smtpSecurity == null) {
            errors.rejectValue("smtpSecurity", "mail-account.form.security-required");
        }
        if (smtpUsername != null && !smtpUsername.isBlank() && (smtpPassword == null || smtpPassword.isEmpty())
                && !passwordSaved && !errors.hasFieldErrors("smtpPassword")) {
            errors.rejectValue("smtpPassword", "mail-account.form.smtp-password-required");
        }
    }

    /** Whether the SMTP port is a number from 1 to 65535. */
    boolean hasSmtpPort() {
        int number = number(smtpPort, 0);
        return number >= 1 && number <= 65535;
    }

    /** Whether the port is a number at all (the connection test runs on an unchecked form). */
    boolean hasPort() {
        return number(port, 0) > 0;
    }

    private static int number(String text, int otherwise) {
        try {
            return text == null ? otherwise : Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    private static String strip(String text) {
        return text == null ? "" : text.strip();
    }

    @Override
    public String toString() {
        return "MailAccountForm[" + name + ", " + username + "@" + host + ":" + port
                + (hasSmtpHost() ? ", smtp " + smtpUsername + "@" + smtpHost + ":" + smtpPort : "") + "]";
    }
}
