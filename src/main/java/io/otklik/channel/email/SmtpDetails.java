package io.otklik.channel.email;

/**
 * A mailbox's own SMTP server as an administrator enters it. {@code username} empty means the server is used
 * without signing in; {@code password} null or empty keeps the saved one. A port of 0 or less takes the usual
 * one for the security ({@link MailSecurity#defaultSmtpPort()}).
 */
public record SmtpDetails(String host, int port, MailSecurity security, String username, String password) {

    public SmtpDetails {
        host = host == null ? "" : host.strip();
        security = security == null ? MailSecurity.STARTTLS : security;
        port = port <= 0 ? security.defaultSmtpPort() : port;
        username = username == null ? "" : username.strip();
    }

    public boolean signsIn() {
        return !username.isEmpty();
    }

    public boolean keepsPassword() {
        return password == null || password.isEmpty();
    }

    @Override
    public String toString() {
        return "SmtpDetails[" + username + "@" + host + ":" + port + " " + security + "]";
    }
}
