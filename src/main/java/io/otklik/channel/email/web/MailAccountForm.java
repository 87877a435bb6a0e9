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

/**
 * The form of a mailbox; the password field is never filled in from what is saved. Numbers are kept as typed
 * (Hibernate Validator checks {@code @Min}/{@code @Max} on text, and turns away text that is no number).
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
        Boolean enabled) {

    static MailAccountForm blank() {
        return new MailAccountForm("", "", "", "993", MailSecurity.SSL, "", "", "INBOX", "60", true);
    }

    static MailAccountForm of(MailAccountView account) {
        return new MailAccountForm(account.name(), account.address(), account.host(),
                Integer.toString(account.port()), account.security(), account.username(), "", account.folder(),
                Long.toString(account.pollInterval().toSeconds()), account.enabled());
    }

    MailAccountDetails details() {
        return new MailAccountDetails(strip(name), strip(address), strip(host), number(port, 0), security,
                strip(username), password, strip(folder), Duration.ofSeconds(number(pollSeconds, 60)),
                Boolean.TRUE.equals(enabled));
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
        return "MailAccountForm[" + name + ", " + username + "@" + host + ":" + port + "]";
    }
}
