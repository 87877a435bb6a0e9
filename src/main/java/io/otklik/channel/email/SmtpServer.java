package io.otklik.channel.email;

import java.time.Duration;
import java.util.Properties;

import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * What it takes to send through one SMTP server, with the password in clear: keep it in memory only, never log
 * it. {@code username} null or empty: the server is used without signing in.
 */
record SmtpServer(String host, int port, MailSecurity security, String username, String password) {

    boolean signsIn() {
        return username != null && !username.isEmpty();
    }

    /**
     * A sender for this server with connecting and each read and write bounded by {@code timeout}. TLS (from the
     * first byte or by STARTTLS, which is then insisted on) checks the server's certificate and name.
     */
    JavaMailSenderImpl sender(Duration timeout) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setDefaultEncoding(EmailChannel.CHARSET);
        sender.setHost(host);
        sender.setPort(port);
        Properties properties = sender.getJavaMailProperties();
        String millis = Long.toString(timeout.toMillis());
        properties.setProperty("mail.smtp.connectiontimeout", millis);
        properties.setProperty("mail.smtp.timeout", millis);
        properties.setProperty("mail.smtp.writetimeout", millis);
        if (signsIn()) {
            sender.setUsername(username);
            sender.setPassword(password == null ? "" : password);
            properties.setProperty("mail.smtp.auth", "true");
        }
        switch (security) {
            case SSL -> properties.setProperty("mail.smtp.ssl.enable", "true");
            case STARTTLS -> {
                properties.setProperty("mail.smtp.starttls.enable", "true");
                properties.setProperty("mail.smtp.starttls.required", "true");
            }
            case NONE -> properties.setProperty("mail.smtp.starttls.enable", "false");
        }
        if (security != MailSecurity.NONE) {
            properties.setProperty("mail.smtp.ssl.checkserveridentity", "true");
        }
        return sender;
    }

    @Override
    public String toString() {
        return "SmtpServer[" + (signsIn() ? username + "@" : "") + host + ":" + port + " " + security + "]";
    }
}
