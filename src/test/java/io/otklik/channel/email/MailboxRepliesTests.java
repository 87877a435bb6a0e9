package io.otklik.channel.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import io.otklik.ApiTest;
import io.otklik.TestStaff;
import io.otklik.customer.CustomerDirectory;
import io.otklik.customer.CustomerId;
import io.otklik.customer.NewCustomer;
import io.otklik.ticket.Channel;
import io.otklik.ticket.NewTicket;
import io.otklik.ticket.Priority;
import io.otklik.ticket.TicketId;
import io.otklik.ticket.TicketIntake;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An agent's reply leaves the way the customer's mail came in: a ticket whose earliest inbound email reached
 * mailbox B goes out through B's own SMTP server (a second GreenMail here) From B's address; a ticket with no
 * inbound email, and a mailbox without an SMTP server of its own, through the global server (the sandbox in
 * tests); a refused SMTP password is recorded on the outbox entry, which waits for its next try.
 */
class MailboxRepliesTests extends ApiTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String LOGIN = "robot@mailbox-b.test";
    private static final String PASSWORD = "Пароль-SMTP-" + TestStaff.unique();

    static MailboxSmtpServer b;

    @Autowired MailAccountAdministration mailboxes;
    @Autowired TicketIntake intake;
    @Autowired CustomerDirectory customers;
    @Autowired TransactionTemplate transactions;
    @Autowired JdbcClient jdbc;
    @Autowired SandboxMailServer sandbox;

    @BeforeAll
    static void startMailboxSmtpServer() {
        b = MailboxSmtpServer.start(LOGIN, PASSWORD);
    }

    @AfterAll
    static void stopMailboxSmtpServer() {
        b.close();
    }

    @Test
    void theReplyOnATicketOfMailboxBLeavesThroughBsSmtpServerFromBsAddress() throws Exception {
        String domain = "b-" + TestStaff.unique() + ".test";
        MailAccountId mailboxB = mailbox("Ящик B", "help@" + domain, true, ownSmtp(PASSWORD));
        MailAccountId later = mailbox("Ящик позже", "later@" + domain, true, null);
        String email = "anna-" + TestStaff.unique() + "@client.test";
        TicketId ticket = ticket(email, "Не печатает принтер", mailboxB);
        inbound(later, ticket, Instant.now().plusSeconds(60));

        long reply = reply(ticket, "Анна, замените, пожалуйста, картридж.");

        String messageId = messageIdOf(reply);
        MimeMessage mail = arrivedAtB(messageId);
        InternetAddress from = (InternetAddress) mail.getFrom()[0];
        assertThat(from.getAddress()).isEqualTo("help@" + domain);
        assertThat(from.getPersonal()).isEqualTo("Служба поддержки Otklik");
        assertThat(((InternetAddress) mail.getReplyTo()[0]).getAddress()).isEqualTo("help@" + domain);
        assertThat(((InternetAddress) mail.getRecipients(Message.RecipientType.TO)[0]).getAddress())
                .isEqualTo(email);
        assertThat(messageId).endsWith("@" + domain + ">");
        assertThat(text(mail)).contains("замените, пожалуйста, картридж");
        await().atMost(WAIT).until(() -> "SENT".equals(stateOf(reply)));
        assertThat(inSandbox(messageId)).as("not through the global server").isFalse();
    }

    @Test
    void theReplyOnATicketWithNoInboundEmailStillLeavesThroughTheGlobalServerFromTheSupportAddress()
            throws Exception {
        mailbox("Ящик B для других", "help@b-" + TestStaff.unique() + ".test", true, ownSmtp(PASSWORD));
        String email = "boris-" + TestStaff.unique() + "@client.test";
        TicketId ticket = ticket(email, "Вопрос с портала", null);

        long reply = reply(ticket, "Борис, отвечаем по порталу.");

        String messageId = messageIdOf(reply);
        await().atMost(WAIT).until(() -> inSandbox(messageId));
        MimeMessage mail = sandboxMail(messageId);
        assertThat(((InternetAddress) mail.getFrom()[0]).getAddress()).isEqualTo("support@otklik.local");
        assertThat(messageId).endsWith("@otklik.local>");
        assertThat(b.withMessageId(messageId)).isNull();
    }

    @Test
    void aMailboxWithoutAnSmtpServerOfItsOwnSendsThroughTheGlobalServerFromItsOwnAddress() throws Exception {
        String address = "sales@d-" + TestStaff.unique() + ".test";
        MailAccountId mailboxD = mailbox("Ящик D", address, true, null);
        TicketId ticket = ticket("vera-" + TestStaff.unique() + "@client.test", "Счёт на оплату", mailboxD);

        String messageId = messageIdOf(reply(ticket, "Вера, счёт во вложении."));

        await().atMost(WAIT).until(() -> inSandbox(messageId));
        MimeMessage mail = sandboxMail(messageId);
        assertThat(((InternetAddress) mail.getFrom()[0]).getAddress()).isEqualTo(address);
        assertThat(((InternetAddress) mail.getReplyTo()[0]).getAddress()).isEqualTo(address);
        assertThat(b.withMessageId(messageId)).isNull();
    }

    @Test
    void aMailboxThatDoesNotSendRepliesLeavesItsTicketsToTheGlobalAddressAndServer() throws Exception {
        MailAccountId quiet = mailbox("Ящик без ответов", "quiet@e-" + TestStaff.unique() + ".test", false,
                ownSmtp(PASSWORD));
        TicketId ticket = ticket("gleb-" + TestStaff.unique() + "@client.test", "Тихий ящик", quiet);

        String messageId = messageIdOf(reply(ticket, "Глеб, ответ с общего адреса."));

        await().atMost(WAIT).until(() -> inSandbox(messageId));
        assertThat(((InternetAddress) sandboxMail(messageId).getFrom()[0]).getAddress())
                .isEqualTo("support@otklik.local");
        assertThat(b.withMessageId(messageId)).isNull();
    }

    @Test
    void aRefusedSmtpPasswordIsRecordedOnTheOutboxEntryWhichWaitsForItsNextTry() throws Exception {
        String name = "Ящик C " + TestStaff.unique();
        String address = "help@c-" + TestStaff.unique() + ".test";
        MailAccountId mailboxC = mailbox(name, address, true, ownSmtp("не-тот-пароль"));
        TicketId ticket = ticket("dina-" + TestStaff.unique() + "@client.test", "Не проходит оплата", mailboxC);

        long reply = reply(ticket, "Дина, проверьте данные карты.");

        await().atMost(WAIT).until(() -> errorOf(reply) != null);
        assertThat(stateOf(reply)).as("waits for the next try").isEqualTo("QUEUED");
        assertThat(errorOf(reply)).contains("SMTP " + MailboxSmtpServer.HOST + ":" + b.port())
                .contains(name).contains("AuthenticationFailedException");
        assertThat(jdbc.sql("select attempts from outbox_entry where ticket_message_id = ?").param(reply)
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select next_attempt_at from outbox_entry where ticket_message_id = ?").param(reply)
                .query(Timestamp.class).single().toInstant()).isAfter(Instant.now());
        String messageId = messageIdOf(reply);
        assertThat(b.withMessageId(messageId)).isNull();
        assertThat(inSandbox(messageId)).as("not through another server instead").isFalse();
        // The tries that follow, and the fixed password taking effect: OutboxRetryTests (quick retries there).
    }

    private static SmtpDetails ownSmtp(String password) {
        return new SmtpDetails(MailboxSmtpServer.HOST, b.port(), MailSecurity.NONE, LOGIN, password);
    }

    private MailAccountId mailbox(String name, String address, boolean sendsReplies, SmtpDetails smtp) {
        return asAdmin(() -> mailboxes.create(details(name + " " + TestStaff.unique(), address, sendsReplies,
                smtp)));
    }

    /** The text part of a mail sent as text and HTML alternatives. */
    private static String text(MimeMessage mail) throws Exception {
        Object content = mail.getContent();
        return content instanceof jakarta.mail.Multipart parts ? parts.getBodyPart(0).getContent().toString()
                : content.toString();
    }

    /** A mailbox nobody polls here (an IMAP server that is not there); only its outgoing side matters. */
    private static MailAccountDetails details(String name, String address, boolean sendsReplies, SmtpDetails smtp) {
        return new MailAccountDetails(name, address, "imap.invalid", 993, MailSecurity.SSL, address, "imap-пароль",
                "INBOX", Duration.ofMinutes(60), false, sendsReplies, smtp);
    }

    /**
     * A ticket of a customer known by email; with a mailbox, opened together with the record of its first email,
     * as the inbound pipeline does.
     */
    private TicketId ticket(String email, String subject, MailAccountId mailbox) {
        return transactions.execute(status -> {
            CustomerId customer = customers.register(new NewCustomer("Клиент " + email, email, null, null));
            TicketId ticket = intake.open(new NewTicket(subject, "Описание: " + subject, customer, Channel.EMAIL,
                    Priority.MEDIUM, null, null, null, Set.of(), List.of()));
            if (mailbox != null) {
                inbound(mailbox, ticket, Instant.now());
            }
            return ticket;
        });
    }

    private void inbound(MailAccountId mailbox, TicketId ticket, Instant receivedAt) {
        byte[] raw = ("Message-ID: <" + TestStaff.unique() + "@client.test>\r\n\r\nТекст\r\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        jdbc.sql("""
                insert into inbound_message (id, channel, account_id, external_id, arrived_via, raw, size_bytes,
                    received_at, state, outcome, ticket_id, attempts, next_attempt_at, processed_at)
                values (nextval('inbound_message_seq'), 'EMAIL', :account, :external, 'IMAP', :raw, :size,
                    :at, 'DONE', 'TICKET_OPENED', :ticket, 1, :at, :at)""")
                .param("account", mailbox.value()).param("external", "<" + TestStaff.unique() + "@client.test>")
                .param("raw", raw).param("size", raw.length).param("at", Timestamp.from(receivedAt))
                .param("ticket", ticket.value()).update();
    }

    /** The agent's public reply, through the REST API as an integration would send it. */
    private long reply(TicketId ticket, String text) throws Exception {
        Staff agent = admin();
        String body = json.writeValueAsString(java.util.Map.of("kind", "PUBLIC_REPLY", "body", text));
        return body(mvc.perform(postJson(agent, body, "/api/v1/tickets/{number}/messages", ticket.value()))
                .andExpect(status().isCreated()).andReturn()).get("id").asLong();
    }

    private String messageIdOf(long ticketMessage) {
        await().atMost(WAIT).until(() -> outboxOf(ticketMessage, "message_id").isPresent());
        return outboxOf(ticketMessage, "message_id").orElseThrow();
    }

    private String stateOf(long ticketMessage) {
        return outboxOf(ticketMessage, "state").orElse(null);
    }

    private String errorOf(long ticketMessage) {
        return outboxOf(ticketMessage, "last_error").orElse(null);
    }

    private Optional<String> outboxOf(long ticketMessage, String column) {
        return jdbc.sql("select " + column + " from outbox_entry where ticket_message_id = ?").param(ticketMessage)
                .query(String.class).optional();
    }

    private MimeMessage arrivedAtB(String messageId) {
        await().atMost(WAIT).until(() -> b.withMessageId(messageId) != null);
        return b.withMessageId(messageId);
    }

    private boolean inSandbox(String messageId) {
        return sandbox.mails().stream().anyMatch(m -> messageId.equals(m.messageId()));
    }

    private MimeMessage sandboxMail(String messageId) {
        return sandbox.mails().stream().filter(m -> messageId.equals(m.messageId())).findFirst().orElseThrow()
                .message();
    }
}
