package io.otklik.channel.email;

import java.io.UnsupportedEncodingException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;

import io.otklik.channel.DeliveryFailure;
import io.otklik.channel.OutboundChannel;
import io.otklik.channel.QueuedSend;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * Email out: each queued send becomes one SMTP message, with the Message-ID it was given when queued and the
 * ticket's thread in In-Reply-To and References, as plain text or as text and HTML alternatives, all in UTF-8. It
 * leaves the way {@link OutgoingRoutes} says: a ticket of a mailbox From that mailbox's address through its SMTP
 * server, anything else From the global support address through the global server.
 */
@Component
class EmailChannel implements OutboundChannel {

    static final String CHARSET = "UTF-8";

    private final OutgoingRoutes routes;
    private final Clock clock;

    EmailChannel(OutgoingRoutes routes, Clock clock) {
        this.routes = routes;
        this.clock = clock;
    }

    @Override
    public String channel() {
        return "email";
    }

    /**
     * {@code <ticket-1042.9f0c…@support-domain>}: unique, and telling which ticket a reply belongs to; the domain
     * is that of the address the mail will come from.
     */
    @Override
    public String newMessageId(Long ticketId) {
        String from = routes.fromOf(ticketId).getAddress();
        String domain = from.substring(from.indexOf('@') + 1);
        String random = UUID.randomUUID().toString().replace("-", "");
        return "<" + (ticketId == null ? "" : "ticket-" + ticketId + ".") + random + "@" + domain + ">";
    }

    @Override
    public void deliver(QueuedSend send) {
        RuntimeException[] failure = new RuntimeException[1];
        deliverAll(List.of(send), (done, e) -> failure[0] = e);
        if (failure[0] != null) {
            throw failure[0];
        }
    }

    /**
     * Sends over one SMTP connection per server, opened for the first of its mails and kept for the rest: a
     * connection costs more than a short mail (TCP, the greeting, EHLO, TLS, login, QUIT on both sides). After a
     * mail the server refused, the next one goes over a fresh connection; when a server cannot be reached, its
     * remaining mails fail with that error at once instead of each waiting for its own timeout.
     */
    @Override
    public void deliverAll(List<QueuedSend> sends, BiConsumer<QueuedSend, RuntimeException> outcome) {
        Map<JavaMailSenderImpl, List<Composed>> byServer = new LinkedHashMap<>();
        for (QueuedSend send : sends) {
            OutgoingRoutes.Route route;
            try {
                route = routes.of(send.ticketId());
            } catch (RuntimeException e) {
                outcome.accept(send, e);
                continue;
            }
            if (route.sender().getHost() == null) {
                outcome.accept(send, new DeliveryFailure("No SMTP server is configured (OTKLIK_SMTP_HOST)", false,
                        null));
                continue;
            }
            try {
                byServer.computeIfAbsent(route.sender(), sender -> new ArrayList<>())
                        .add(new Composed(send, route, compose(send, route)));
            } catch (AddressException e) {
                outcome.accept(send, new DeliveryFailure("Invalid address: " + e.getMessage(), true, e));
            } catch (MessagingException | UnsupportedEncodingException e) {
                outcome.accept(send, new DeliveryFailure("Cannot compose the mail: " + e.getMessage(), true, e));
            }
        }
        byServer.forEach((sender, mails) -> sendOver(sender, mails, outcome));
    }

    private record Composed(QueuedSend send, OutgoingRoutes.Route route, MimeMessage message) {
    }

    private static void sendOver(JavaMailSenderImpl sender, List<Composed> mails,
            BiConsumer<QueuedSend, RuntimeException> outcome) {
        Transport transport = null;
        try {
            for (int i = 0; i < mails.size(); i++) {
                Composed mail = mails.get(i);
                if (transport == null) {
                    try {
                        transport = connect(sender);
                    } catch (MessagingException e) {
                        for (Composed unsent : mails.subList(i, mails.size())) {
                            outcome.accept(unsent.send(), failure(e, unsent.route()));
                        }
                        return;
                    }
                }
                try {
                    transport.sendMessage(mail.message(), mail.message().getAllRecipients());
                } catch (MessagingException e) {
                    outcome.accept(mail.send(), failure(e, mail.route()));
                    close(transport);
                    transport = null;
                    continue;
                }
                outcome.accept(mail.send(), null);
            }
        } finally {
            close(transport);
        }
    }

    private static Transport connect(JavaMailSenderImpl sender) throws MessagingException {
        Transport transport = sender.getSession().getTransport(
                sender.getProtocol() == null ? "smtp" : sender.getProtocol());
        transport.connect(sender.getHost(), sender.getPort(), sender.getUsername(), sender.getPassword());
        return transport;
    }

    private static void close(Transport transport) {
        if (transport != null) {
            try {
                transport.close();
            } catch (MessagingException e) {
                // The mails are sent (or failed) already; a QUIT that goes wrong changes nothing.
            }
        }
    }

    private static DeliveryFailure failure(MessagingException e, OutgoingRoutes.Route route) {
        MailSendException wrapped = new MailSendException(e.getMessage(), e);
        return new DeliveryFailure(describe(wrapped, route), refusedForGood(wrapped), e);
    }

    MimeMessage compose(QueuedSend send, OutgoingRoutes.Route route) throws MessagingException,
            UnsupportedEncodingException {
        MimeMessage message = new IdentifiedMessage(route.sender().getSession(), send.messageId());
        message.setFrom(route.from());
        message.setReplyTo(new Address[] {route.replyTo()});
        message.setRecipients(Message.RecipientType.TO, addresses(send.to()));
        if (!send.cc().isEmpty()) {
            message.setRecipients(Message.RecipientType.CC, addresses(send.cc()));
        }
        message.setSubject(send.subject(), CHARSET);
        message.setSentDate(Date.from(clock.instant()));
        if (send.inReplyTo() != null) {
            message.setHeader("In-Reply-To", send.inReplyTo());
        }
        if (!send.references().isEmpty()) {
            message.setHeader("References", MimeUtility.fold("References: ".length(),
                    String.join(" ", send.references())));
        }
        if (send.ticketId() != null) {
            message.setHeader("X-Otklik-Ticket", String.valueOf(send.ticketId()));
        }
        if (send.html() == null || send.html().isBlank()) {
            message.setText(send.text(), CHARSET);
        } else {
            MimeBodyPart text = new MimeBodyPart();
            text.setText(send.text(), CHARSET);
            MimeBodyPart html = new MimeBodyPart();
            html.setText(send.html(), CHARSET, "html");
            MimeMultipart alternatives = new MimeMultipart("alternative");
            alternatives.addBodyPart(text);
            alternatives.addBodyPart(html);
            message.setContent(alternatives);
        }
        message.saveChanges();
        return message;
    }

    /** "SMTP host:port — cause", and which mailbox's server it was. */
    private static String describe(MailException e, OutgoingRoutes.Route route) {
        Throwable cause = e;
        if (e instanceof MailSendException send && !send.getFailedMessages().isEmpty()) {
            cause = send.getFailedMessages().values().iterator().next();
        }
        Throwable root = NestedExceptionUtils.getMostSpecificCause(cause);
        String message = root.getMessage() == null ? "" : ": " + root.getMessage().strip();
        return "SMTP " + route.sender().getHost() + ":" + route.sender().getPort()
                + (route.mailbox() == null ? "" : " (mailbox «" + route.mailbox() + "»)") + " — "
                + root.getClass().getSimpleName() + message;
    }

    /** The server refused a recipient for good (an address that does not exist): retrying would not help. */
    private static boolean refusedForGood(MailException e) {
        List<Throwable> causes = new ArrayList<>();
        causes.add(e);
        if (e instanceof MailSendException send) {
            causes.addAll(send.getFailedMessages().values().stream().map(Throwable.class::cast).toList());
        }
        for (Throwable cause : causes) {
            for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (t instanceof AddressException) {
                    return true;
                }
                if (t instanceof SendFailedException failed && failed.getInvalidAddresses() != null
                        && failed.getInvalidAddresses().length > 0
                        && (failed.getValidSentAddresses() == null || failed.getValidSentAddresses().length == 0)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static InternetAddress[] addresses(List<String> values) throws AddressException,
            UnsupportedEncodingException {
        List<InternetAddress> result = new ArrayList<>();
        for (String value : values) {
            InternetAddress parsed = new InternetAddress(value.strip(), true);
            result.add(new InternetAddress(parsed.getAddress(), parsed.getPersonal(), CHARSET));
        }
        return result.toArray(InternetAddress[]::new);
    }

    /** A message that keeps the Message-ID it was given when queued, whatever saving it would generate. */
    static final class IdentifiedMessage extends MimeMessage {

        private final String messageId;

        IdentifiedMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
