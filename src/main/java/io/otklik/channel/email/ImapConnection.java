package io.otklik.channel.email;

import java.time.Duration;

/** What it takes to read one mailbox over IMAP, with the password in clear: keep it in memory only, never log it. */
public record ImapConnection(MailAccountId account, String host, int port, MailSecurity security, String username,
        String password, String folder, Duration pollInterval) {

    @Override
    public String toString() {
        return "ImapConnection[" + account + ", " + username + "@" + host + ":" + port + " " + security + ", "
                + folder + "]";
    }
}
