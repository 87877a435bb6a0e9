package io.otklik.channel.email;

import java.time.Duration;

/**
 * Settings of a mailbox as an administrator enters them. {@code password} null or empty keeps the saved one.
 * For the sandbox account only name, address, folder, interval and the enabled flag are taken.
 */
public record MailAccountDetails(String name, String address, String host, int port, MailSecurity security,
        String username, String password, String folder, Duration pollInterval, boolean enabled) {

    public static final Duration MIN_POLL_INTERVAL = Duration.ofSeconds(10);

    public boolean keepsPassword() {
        return password == null || password.isEmpty();
    }

    @Override
    public String toString() {
        return "MailAccountDetails[" + name + ", " + username + "@" + host + ":" + port + "]";
    }
}
