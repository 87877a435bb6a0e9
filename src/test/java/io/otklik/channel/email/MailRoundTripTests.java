package io.otklik.channel.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import io.otklik.PostgresTest;
import io.otklik.TestStaff;
import io.otklik.agent.AgentDirectory;
import io.otklik.identity.Role;
import io.otklik.ticket.Conversations;
import io.otklik.ticket.MessageKind;
import io.otklik.ticket.NewMessage;
import io.otklik.ticket.Status;
import io.otklik.ticket.TicketId;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The whole way of a mail conversation through real mail servers (the sandbox GreenMail): the customer writes
 * with a mail program to the support mailbox, the ticket opens, the agent's reply leaves over SMTP and lands in the
 * customer's own mailbox, the customer answers it with "Reply", and the answer comes back onto the same ticket.
 */
@SpringBootTest
class MailRoundTripTests extends PostgresTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired SandboxMailServer sandbox;
    @Autowired Conversations conversations;
    @Autowired AgentDirectory agents;
    @Autowired UserDetailsService users;
    @Autowired JdbcClient jdbc;

    @Test
    void theCustomersAnswerToTheAgentsReplyThreadsBackOntoTheSameTicket() throws Exception {
        String customer = "round-" + TestStaff.unique() + "@client.test";
        Session session = session();

        MimeMessage first = new MimeMessage(session);
        first.setFrom(new InternetAddress(customer, "Алиса Смирнова", "UTF-8"));
        first.setRecipient(Message.RecipientType.TO, new InternetAddress(sandbox.mailbox()));
        first.setSubject("Не открывается 1С", "UTF-8");
        first.setText("Здравствуйте! После обновления 1С не запускается.", "UTF-8");
        Transport.send(first);
        String firstId = first.getMessageID();

        long ticket = awaitTicketOf(firstId);
        String agent = TestStaff.add(agents, Role.AGENT);
        as(agent, () -> conversations.add(new TicketId(ticket), new NewMessage(MessageKind.PUBLIC_REPLY,
                "Алиса, переустановите платформу и попробуйте снова.", List.of(), Status.PENDING)));

        // The customer's mail program finds the reply in her mailbox, threaded under her own first mail.
        MimeMessage reply = await().atMost(WAIT).until(() -> SandboxMailboxes.inbox(sandbox, customer).stream()
                .filter(m -> subject(m).contains("Не открывается 1С") && !subject(m).contains("получили"))
                .findFirst(), Optional::isPresent).orElseThrow();
        assertThat(reply.getHeader("In-Reply-To", null)).isEqualTo(firstId);
        assertThat(reply.getFrom()[0].toString()).contains(sandbox.mailbox());

        MimeMessage answer = (MimeMessage) reply.reply(false);
        answer.setFrom(new InternetAddress(customer, "Алиса Смирнова", "UTF-8"));
        answer.setText("Переустановила — заработало, спасибо!\n\n> Алиса, переустановите платформу и попробуйте снова.",
                "UTF-8");
        // Sent through the sandbox's SMTP (the reply belongs to the session it was read with).
        answer.saveChanges();
        try (Transport smtp = session.getTransport("smtp")) {
            smtp.connect();
            smtp.sendMessage(answer, answer.getAllRecipients());
        }

        long answered = awaitTicketOf(answer.getMessageID());
        assertThat(answered).isEqualTo(ticket);
        assertThat(jdbc.sql("select outcome_reason from inbound_message where external_id = :id")
                .param("id", answer.getMessageID()).query(String.class).single())
                .isEqualTo("thread.in-reply-to|" + reply.getMessageID());
        assertThat(jdbc.sql("select author_type from ticket_message where ticket_id = :t and kind = 'PUBLIC_REPLY' "
                + "order by id").param("t", ticket).query(String.class).list())
                .containsExactly("CUSTOMER", "AGENT", "CUSTOMER");
        // Her answer puts the ticket back in the team's hands.
        assertThat(jdbc.sql("select status from ticket where id = :t").param("t", ticket).query(String.class)
                .single()).isEqualTo("OPEN");
    }

    private long awaitTicketOf(String messageId) {
        return await().atMost(WAIT).until(() -> jdbc.sql(
                        "select ticket_id from inbound_message where external_id = :id and state = 'DONE'")
                .param("id", messageId).query(Long.class).optional(), Optional::isPresent).orElseThrow();
    }

    private Session session() {
        Properties properties = new Properties();
        properties.setProperty("mail.smtp.host", sandbox.host());
        properties.setProperty("mail.smtp.port", Integer.toString(sandbox.smtpPort()));
        properties.setProperty("mail.imap.host", sandbox.host());
        properties.setProperty("mail.imap.port", Integer.toString(sandbox.imapPort()));
        return Session.getInstance(properties);
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject() == null ? "" : message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            return "";
        }
    }

    private void as(String login, Runnable work) {
        UserDetails details = users.loadUserByUsername(login);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(details, null, details.getAuthorities()));
        try {
            work.run();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
