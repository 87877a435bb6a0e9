package io.otklik.channel.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import io.otklik.PostgresTest;
import io.otklik.TestStaff;
import io.otklik.channel.DeliveryState;
import io.otklik.channel.OutboundMail;
import io.otklik.channel.Outbox;
import io.otklik.customer.CustomerDirectory;
import io.otklik.customer.NewCustomer;
import io.otklik.ticket.Channel;
import io.otklik.ticket.NewTicket;
import io.otklik.ticket.Priority;
import io.otklik.ticket.TicketId;
import io.otklik.ticket.TicketIntake;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Mail to customers as their mail program receives it: sent through the outbox to the sandbox mail server and read
 * back over IMAP from the customer's mailbox there.
 */
@SpringBootTest
@AutoConfigureMockMvc
class OutgoingMailTests extends PostgresTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired Outbox outbox;
    @Autowired SandboxMailServer sandbox;
    @Autowired TransactionTemplate transactions;
    @Autowired JdbcClient jdbc;
    @Autowired TicketIntake intake;
    @Autowired CustomerDirectory customers;

    @Test
    void aMailOfATicketReachesTheCustomerInUtf8WithTextAndHtmlFromTheSupportAddress() throws Exception {
        String email = "anna-" + TestStaff.unique() + "@client.test";
        TicketId ticket = ticketOf(email, "Не работает VPN");
        String subject = "Re: [OTK-" + ticket.value() + "] Не работает VPN — ответ поддержки";
        String text = "Здравствуйте, Анна!\nПерезагрузите роутер и подключитесь снова.\nСъешь же ещё этих мягких "
                + "французских булок, да выпей чаю. Ёлки!";
        String html = "<p>Здравствуйте, <b>Анна</b>!</p><p>Перезагрузите роутер и подключитесь снова.</p>";

        long id = enqueue(new OutboundMail("reply:" + TestStaff.unique(), ticket.value(), null,
                List.of("Анна Петрова <" + email + ">"), List.of(), subject, text, html));
        String messageId = messageIdOf(id);

        MimeMessage mail = fromMailbox(email, messageId);
        assertThat(mail.getSubject()).isEqualTo(subject);
        assertThat(mail.getHeader("Subject")[0]).startsWith("=?UTF-8?");
        assertThat(mail.getMessageID()).isEqualTo(messageId).endsWith("@otklik.local>");
        InternetAddress from = (InternetAddress) mail.getFrom()[0];
        assertThat(from.getAddress()).isEqualTo("support@otklik.local");
        assertThat(from.getPersonal()).isEqualTo("Служба поддержки Otklik");
        assertThat(((InternetAddress) mail.getReplyTo()[0]).getAddress()).isEqualTo("support@otklik.local");
        InternetAddress to = (InternetAddress) mail.getRecipients(Message.RecipientType.TO)[0];
        assertThat(to.getPersonal()).isEqualTo("Анна Петрова");
        assertThat(mail.getHeader("In-Reply-To")).isNull();

        assertThat(mail.isMimeType("multipart/alternative")).isTrue();
        Multipart parts = (Multipart) mail.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        Part plain = parts.getBodyPart(0);
        Part rich = parts.getBodyPart(1);
        assertThat(plain.isMimeType("text/plain")).isTrue();
        assertThat(plain.getContentType()).containsIgnoringCase("charset=UTF-8");
        assertThat(lines(plain.getContent())).isEqualTo(text);
        assertThat(rich.isMimeType("text/html")).isTrue();
        assertThat(lines(rich.getContent())).isEqualTo(html);
        assertThat(outbox.states(List.of(id))).containsEntry(id, DeliveryState.SENT);
    }

    @Test
    void theSecondMailOfATicketAnswersTheFirstSoRepliesThread() throws Exception {
        String email = "boris-" + TestStaff.unique() + "@client.test";
        TicketId ticket = ticketOf(email, "Счёт не пришёл");
        long first = enqueue(mail("ack:" + ticket.value(), ticket, email, "Обращение принято",
                "Мы получили ваш запрос."));
        String firstId = messageIdOf(first);
        fromMailbox(email, firstId);
        long second = enqueue(mail("reply:" + TestStaff.unique(), ticket, email, "Re: Счёт не пришёл", "Счёт выслан."));
        String secondId = messageIdOf(second);

        MimeMessage reply = fromMailbox(email, secondId);
        assertThat(secondId).isNotEqualTo(firstId);
        assertThat(reply.getHeader("In-Reply-To")).containsExactly(firstId);
        assertThat(reply.getHeader("References")[0].split("\\s+")).containsExactly(firstId);
        assertThat(reply.isMimeType("text/plain")).isTrue();
        assertThat(lines(reply.getContent())).isEqualTo("Счёт выслан.");

        long third = enqueue(mail("reply:" + TestStaff.unique(), ticket, email, "Re: Счёт не пришёл", "Ещё раз."));
        MimeMessage later = fromMailbox(email, messageIdOf(third));
        assertThat(later.getHeader("In-Reply-To")).containsExactly(secondId);
        assertThat(later.getHeader("References")[0].split("\\s+")).containsExactly(firstId, secondId);
    }

    @Test
    void queuingTheSameKeyTwiceSendsOneMail() throws Exception {
        String email = "vera-" + TestStaff.unique() + "@client.test";
        TicketId ticket = ticketOf(email, "Дважды");
        String key = "ack:" + ticket.value();
        OutboundMail ack = mail(key, ticket, email, "Обращение " + ticket.value() + " принято", "Спасибо!");

        long id = transactions.execute(status -> {
            long once = outbox.enqueue(ack);
            assertThat(outbox.enqueue(ack)).isEqualTo(once);
            return once;
        });
        String messageId = messageIdOf(id);
        fromMailbox(email, messageId);
        assertThat(enqueue(ack)).as("queued again by a listener that ran twice").isEqualTo(id);

        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> copiesOf(messageId) == 1);
        assertThat(jdbc.sql("select count(*) from outbox_entry where send_key = :key").param("key", key)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(sandbox.mails().stream().filter(m -> m.subject().equals(ack.subject()))).hasSize(1);
    }

    private TicketId ticketOf(String email, String subject) {
        // Known by phone only, so that no acknowledgement joins the ticket's thread: these tests send its mails.
        var customer = customers.register(new NewCustomer("Клиент " + email, null,
                "+7 901 " + (1_000_000 + new java.util.Random().nextInt(8_999_999)), null));
        return intake.open(new NewTicket(subject, "Описание: " + subject, customer, Channel.EMAIL, Priority.MEDIUM,
                null, null, null, Set.of(), List.of()));
    }

    private static OutboundMail mail(String key, TicketId ticket, String to, String subject, String text) {
        return new OutboundMail(key, ticket.value(), null, List.of(to), List.of(), subject, text, null);
    }

    private long enqueue(OutboundMail mail) {
        return transactions.execute(status -> outbox.enqueue(mail));
    }

    private String messageIdOf(long id) {
        return jdbc.sql("select message_id from outbox_entry where id = :id").param("id", id).query(String.class)
                .single();
    }

    private long copiesOf(String messageId) {
        return sandbox.mails().stream().filter(m -> messageId.equals(m.messageId())).count();
    }

    /** The mail as the customer's mail program reads it over IMAP (sandbox mailboxes: login = password = address). */
    private MimeMessage fromMailbox(String address, String messageId) throws Exception {
        await().atMost(WAIT).until(() -> copiesOf(messageId) > 0);
        return SandboxMailboxes.mail(sandbox, address, messageId);
    }

    private static String lines(Object content) {
        return content.toString().replace("\r\n", "\n");
    }
}
