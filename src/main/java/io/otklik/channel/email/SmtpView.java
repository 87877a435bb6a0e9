package io.otklik.channel.email;

/** A mailbox's own SMTP server as pages show it: without the password, only whether one is saved. */
public record SmtpView(String host, int port, MailSecurity security, String username, boolean passwordSaved) {
}
