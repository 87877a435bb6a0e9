package io.otklik.channel.email;

import java.util.Arrays;
import java.util.List;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * A mailbox's own SMTP server in a test: a GreenMail server of its own on a free port, apart from the application's
 * sandbox, that lets one user sign in and keeps every mail it receives.
 */
public final class MailboxSmtpServer implements AutoCloseable {

    public static final String HOST = "127.0.0.1";

    private final GreenMail server;

    private MailboxSmtpServer(GreenMail server) {
        this.server = server;
    }

    /** Starts on a free port; {@code login} signs in with {@code password}, any other password is refused. */
    public static MailboxSmtpServer start(String login, String password) {
        GreenMail server = new GreenMail(new ServerSetup(0, HOST, ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withUser(login, login, password));
        server.start();
        return new MailboxSmtpServer(server);
    }

    public int port() {
        return server.getSmtp().getPort();
    }

    /** Every mail received so far, one copy per recipient. */
    public List<MimeMessage> received() {
        return Arrays.asList(server.getReceivedMessages());
    }

    /** The mail received with this Message-ID, if any. */
    public MimeMessage withMessageId(String messageId) {
        return received().stream().filter(m -> {
            try {
                return messageId.equals(m.getMessageID());
            } catch (MessagingException e) {
                return false;
            }
        }).findFirst().orElse(null);
    }

    @Override
    public void close() {
        server.stop();
    }
}
