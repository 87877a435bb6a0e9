package io.otklik.channel.email;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.WeakHashMap;

import jakarta.mail.MessagingException;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.user.MessageDeliveryHandler;
import com.icegreen.greenmail.user.UserManager;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.otklik.channel.MailSandbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sandbox mail server of the embedded default (GreenMail, in memory): SMTP and IMAP on localhost, every
 * recipient gets a mailbox of their own (login and password: the address), and the support mailbox is there for
 * inbound mail. Every mail that reaches it is also kept (the newest ones) for the "Sandbox mail" page.
 * Stopping and starting it again keeps its ports, so the application's sender still finds it.
 */
public class SandboxMailServer implements MailSandbox {

    private static final Logger log = LoggerFactory.getLogger(SandboxMailServer.class);

    private final MailSettings.Sandbox settings;
    private final Clock clock;
    private final Deque<SandboxMail> received = new ArrayDeque<>();
    /** Messages already kept: a mail to several recipients is delivered once per recipient. */
    private final Set<MovingMessage> seen = Collections.newSetFromMap(new WeakHashMap<>());
    private GreenMail server;
    private int smtpPort;
    private int imapPort;
    private long lastNumber;
    private int count;

    SandboxMailServer(MailSettings.Sandbox settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.smtpPort = settings.smtpPort();
        this.imapPort = settings.imapPort();
    }

    /** Starts (again) on the configured ports, or on the ones taken at the first start. */
    public synchronized void start() {
        if (server != null) {
            return;
        }
        GreenMail mail = new GreenMail(new ServerSetup[] {
                new ServerSetup(smtpPort, settings.host(), ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(imapPort, settings.host(), ServerSetup.PROTOCOL_IMAP)})
                .withConfiguration(GreenMailConfiguration.aConfig()
                        .withUser(settings.mailbox(), settings.mailbox(), settings.password()));
        try {
            mail.start();
        } catch (RuntimeException e) {
            throw new IllegalStateException("The sandbox mail server cannot listen on " + settings.host() + " ports "
                    + smtpPort + " (SMTP) and " + imapPort + " (IMAP); set OTKLIK_MAIL_SANDBOX_SMTP_PORT and "
                    + "OTKLIK_MAIL_SANDBOX_IMAP_PORT to free ones, or configure OTKLIK_SMTP_HOST", e);
        }
        UserManager users = mail.getUserManager();
        MessageDeliveryHandler delivery = users.getMessageDeliveryHandler();
        users.setMessageDeliveryHandler((message, recipient) -> {
            keep(message);
            return delivery.handle(message, recipient);
        });
        server = mail;
        smtpPort = mail.getSmtp().getPort();
        imapPort = mail.getImap().getPort();
        log.info("Sandbox mail server on {}: SMTP port {}, IMAP port {}, support mailbox {}", settings.host(),
                smtpPort, imapPort, settings.mailbox());
    }

    /** Stops listening; kept mails stay, and {@link #start()} listens on the same ports again. */
    public synchronized void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    public synchronized boolean running() {
        return server != null;
    }

    public String host() {
        return settings.host();
    }

    public synchronized int smtpPort() {
        return smtpPort;
    }

    public synchronized int imapPort() {
        return imapPort;
    }

    /** The support mailbox inbound mail is read from (IMAP login is the address). */
    public String mailbox() {
        return settings.mailbox();
    }

    public String mailboxPassword() {
        return settings.password();
    }

    @Override
    public synchronized int mailCount() {
        return count;
    }

    /** The kept mails, newest first. */
    public synchronized List<SandboxMail> mails() {
        return new ArrayList<>(received);
    }

    public synchronized Optional<SandboxMail> mail(long number) {
        return received.stream().filter(mail -> mail.number() == number).findFirst();
    }

    private void keep(MovingMessage message) {
        synchronized (this) {
            if (!seen.add(message)) {
                return;
            }
        }
        byte[] raw;
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            message.getMessage().writeTo(bytes);
            raw = bytes.toByteArray();
        } catch (IOException | MessagingException e) {
            log.warn("The sandbox could not keep a mail: {}", e.getMessage());
            return;
        }
        List<String> envelope = message.getToAddresses().stream().map(address -> address.getEmail()).toList();
        Instant now = clock.instant();
        synchronized (this) {
            SandboxMail mail = SandboxMail.of(++lastNumber, now, envelope, raw);
            received.addFirst(mail);
            count++;
            while (received.size() > settings.keep()) {
                received.removeLast();
            }
        }
    }
}
