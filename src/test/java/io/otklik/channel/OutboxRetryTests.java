package io.otklik.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import io.otklik.TestDatabase;
import io.otklik.TestStaff;
import io.otklik.agent.AgentDirectory;
import io.otklik.channel.email.MailAccountAdministration;
import io.otklik.channel.email.MailAccountDetails;
import io.otklik.channel.email.MailAccountId;
import io.otklik.channel.email.MailSecurity;
import io.otklik.channel.email.MailboxSmtpServer;
import io.otklik.channel.email.SandboxMailServer;
import io.otklik.channel.email.SmtpDetails;
import io.otklik.customer.CustomerDirectory;
import io.otklik.customer.NewCustomer;
import io.otklik.identity.Role;
import io.otklik.ticket.Channel;
import io.otklik.ticket.Conversations;
import io.otklik.ticket.Delivery;
import io.otklik.ticket.MessageKind;
import io.otklik.ticket.MessageView;
import io.otklik.ticket.NewMessage;
import io.otklik.ticket.NewTicket;
import io.otklik.ticket.Priority;
import io.otklik.ticket.TicketId;
import io.otklik.ticket.TicketIntake;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox when the mail server goes away: replies wait, are retried with backoff and shown with their tries and
 * error, and leave exactly once when the server is back; a send given up is shown as failed and can be retried; a
 * send whose node died is taken up again with its Message-ID. Retries here are seconds apart, and the context has
 * a database of its own, so no other test context sends its mail (see test config/application.properties).
 */
@SpringBootTest
@AutoConfigureMockMvc
class OutboxRetryTests {

    private static final int MAX_ATTEMPTS = 6;

    @DynamicPropertySource
    static void ownDatabaseAndQuickRetries(DynamicPropertyRegistry registry) throws IOException {
        Path dataDir = Files.createTempDirectory("otklik-outbox-test-");
        registry.add("spring.datasource.url", () -> TestDatabase.url("outbox"));
        registry.add("spring.datasource.username", TestDatabase::user);
        registry.add("spring.datasource.password", TestDatabase::password);
        registry.add("otklik.data-dir", dataDir::toString);
        registry.add("otklik.demo-data", () -> "false");
        registry.add("otklik.mail.outbox.first-retry", () -> "1s");
        registry.add("otklik.mail.outbox.max-retry", () -> "2s");
        registry.add("otklik.mail.outbox.max-attempts", () -> String.valueOf(MAX_ATTEMPTS));
        registry.add("otklik.mail.outbox.claim-timeout", () -> "3s");
        registry.add("otklik.mail.outbox.sweep-interval", () -> "200ms");
    }

    @Autowired MockMvc mvc;
    @Autowired Outbox outbox;
    @Autowired SandboxMailServer sandbox;
    @Autowired TransactionTemplate transactions;
    @Autowired JdbcClient jdbc;
    @Autowired TicketIntake intake;
    @Autowired Conversations conversations;
    @Autowired CustomerDirectory customers;
    @Autowired AgentDirectory agents;
    @Autowired UserDetailsService users;
    @Autowired MailAccountAdministration mailboxes;

    private String supervisor;
    private String email;
    private TicketId ticket;

    @BeforeEach
    void ticketWithAnAgent() {
        supervisor = TestStaff.add(agents, Role.SUPERVISOR);
        email = "client-" + TestStaff.unique() + "@client.test";
        // Known by phone only: the notices the ticket's events would send find no address, so every mail in the
        // outbox here is one these tests queued themselves.
        var customer = customers.register(new NewCustomer("Ирина Клиентова", null,
                "+7 900 " + (1_000_000 + new java.util.Random().nextInt(8_999_999)), null));
        ticket = intake.open(new NewTicket("Не приходят письма", "Письма с сайта не доходят", customer,
                Channel.EMAIL, Priority.HIGH, null, null, null, Set.of(), List.of()));
    }

    @AfterEach
    void serverBack() {
        sandbox.start();
    }

    @Test
    void repliesQueuedWhileSmtpIsDownWaitAndLeaveExactlyOnceWhenItIsBack() throws Exception {
        sandbox.stop();
        List<Long> messages = new ArrayList<>();
        List<Long> sends = new ArrayList<>();
        for (String text : List.of("Проверяем.", "Нашли причину.", "Исправили, проверьте, пожалуйста.")) {
            long message = reply(text);
            messages.add(message);
            sends.add(enqueue(message, text));
        }

        await().atMost(Duration.ofSeconds(15)).until(() -> sends.stream().allMatch(id -> attempts(id) >= 2));
        Document page = outboxPage();
        for (long id : sends) {
            Element row = page.selectFirst("[data-entry=" + id + "]");
            assertThat(row).as("outbox row " + id).isNotNull();
            assertThat(row.attr("data-state")).isEqualTo("QUEUED");
            assertThat(row.selectFirst(".badge").text()).isEqualTo("В очереди");
            assertThat(Integer.parseInt(row.selectFirst("[data-testid=attempts]").text())).isGreaterThanOrEqualTo(1);
            assertThat(row.selectFirst("[data-testid=last-error]").text()).contains("ConnectException");
        }
        Document ticketPage = ticketPage();
        for (long message : messages) {
            Element badge = ticketPage.selectFirst("[data-message=" + message + "] [data-testid=delivery]");
            assertThat(badge.attr("data-delivery")).isEqualTo("PENDING");
            assertThat(badge.attr("title")).startsWith("Последняя попытка отправки не удалась:")
                    .contains("ConnectException");
        }
        mvc.perform(get("/actuator/health")).andExpect(status().isOk());
        mvc.perform(get("/actuator/health/mail")).andExpect(status().isServiceUnavailable());

        sandbox.start();

        await().atMost(Duration.ofSeconds(15))
                .until(() -> outbox.states(sends).values().stream().allMatch(DeliveryState.SENT::equals));
        List<String> messageIds = sends.stream().map(this::messageIdOf).toList();
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .until(() -> messageIds.stream().allMatch(id -> copiesOf(id) == 1));
        assertThat(as(supervisor, () -> conversations.of(ticket)).stream().filter(m -> messages.contains(m.id()))
                .map(MessageView::delivery)).containsExactly(Delivery.SENT, Delivery.SENT, Delivery.SENT);
        Document after = ticketPage();
        for (long message : messages) {
            Element badge = after.selectFirst("[data-message=" + message + "] [data-testid=delivery]");
            assertThat(badge.text()).isEqualTo("Отправлено");
            assertThat(badge.hasAttr("title")).isFalse();
        }
    }

    @Test
    void aMailGivenUpAfterItsTriesIsShownFailedAndTheRetryButtonSendsIt() throws Exception {
        sandbox.stop();
        long message = reply("Ответ, который долго не мог уйти.");
        long id = enqueue(message, "Ответ, который долго не мог уйти.");

        await().atMost(Duration.ofSeconds(30)).until(() -> outbox.states(List.of(id)).get(id) == DeliveryState.FAILED);
        assertThat(attempts(id)).isEqualTo(MAX_ATTEMPTS);
        Element badge = ticketPage().selectFirst("[data-message=" + message + "] [data-testid=delivery]");
        assertThat(badge.text()).isEqualTo("Не доставлено");
        assertThat(badge.attr("title")).contains("ConnectException");
        Element row = Jsoup.parse(mvc.perform(get("/admin/outbox").param("state", "FAILED")
                .header("Accept-Language", "en").with(as(supervisor))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString()).selectFirst("[data-entry=" + id + "]");
        assertThat(row.selectFirst(".badge").text()).isEqualTo("Failed");
        assertThat(row.selectFirst("[data-testid=attempts]").text()).isEqualTo(String.valueOf(MAX_ATTEMPTS));
        assertThat(row.selectFirst("button").text()).isEqualTo("Retry now");

        sandbox.start();
        mvc.perform(post("/admin/outbox/{id}/retry", id).param("state", "FAILED").with(as(supervisor)).with(csrf()))
                .andExpect(status().is3xxRedirection());

        await().atMost(Duration.ofSeconds(10)).until(() -> outbox.states(List.of(id)).get(id) == DeliveryState.SENT);
        assertThat(copiesOf(messageIdOf(id))).isEqualTo(1);
        assertThat(ticketPage().selectFirst("[data-message=" + message + "] [data-testid=delivery]").text())
                .isEqualTo("Отправлено");
    }

    @Test
    void anAddressNoServerWillTakeFailsAtOnceWithTheReasonOnTheMessage() throws Exception {
        long message = reply("Ответ на неверный адрес.");
        long id = transactions.execute(status -> outbox.enqueue(new OutboundMail("reply:" + message, ticket.value(),
                message, List.of("это не адрес"), List.of(), "Re: Не приходят письма", "Текст", null)));

        await().atMost(Duration.ofSeconds(10)).until(() -> outbox.states(List.of(id)).get(id) == DeliveryState.FAILED);
        assertThat(attempts(id)).isEqualTo(1);
        Element badge = ticketPage().selectFirst("[data-message=" + message + "] [data-testid=delivery]");
        assertThat(badge.attr("data-delivery")).isEqualTo("FAILED");
        assertThat(badge.attr("title")).contains("Invalid address");
    }

    @Test
    void aSendWhoseNodeDiedIsTakenUpWhenItsHoldEndsWithTheSameMessageId() {
        Instant holdEnds = Instant.now().plusSeconds(2);
        long id = transactions.execute(status -> {
            long queued = outbox.enqueue(new OutboundMail("crash:" + TestStaff.unique(), ticket.value(), null,
                    List.of(email), List.of(), "Re: Не приходят письма", "Отправлено до сбоя узла.", null));
            // As a node leaves it that claimed the entry (try counted, entry held) and died while sending.
            jdbc.sql("update outbox_entry set attempts = 1, last_attempt_at = :now, next_attempt_at = :until "
                    + "where id = :id").param("now", Timestamp.from(Instant.now()))
                    .param("until", Timestamp.from(holdEnds)).param("id", queued).update();
            return queued;
        });
        String messageId = messageIdOf(id);

        await().during(Duration.ofMillis(1200)).atMost(Duration.ofMillis(1500)).until(() -> copiesOf(messageId) == 0);
        await().atMost(Duration.ofSeconds(10)).until(() -> copiesOf(messageId) == 1);
        await().atMost(Duration.ofSeconds(5)).until(() -> outbox.states(List.of(id)).get(id) == DeliveryState.SENT);
        assertThat(attempts(id)).isEqualTo(2);
        assertThat(sandbox.mails().stream().filter(m -> messageId.equals(m.messageId())).findFirst().orElseThrow()
                .to()).contains(email);
    }

    @Test
    void aMailboxsSmtpServerRefusingItsPasswordIsRetriedAndTheFixedPasswordIsUsedOnTheNextTry() throws Exception {
        try (MailboxSmtpServer server = MailboxSmtpServer.start("robot@c.test", "верный-пароль")) {
            String name = "Ящик C " + TestStaff.unique();
            String address = "help@c-" + TestStaff.unique() + ".test";
            MailAccountId mailbox = TestStaff.asAdmin(() -> mailboxes.create(
                    mailbox(name, address, server, "не-тот-пароль")));
            // The ticket's first email came to mailbox C (as the inbound pipeline records it).
            jdbc.sql("""
                    insert into inbound_message (id, channel, account_id, external_id, arrived_via, raw, size_bytes,
                        received_at, state, ticket_id, attempts, next_attempt_at)
                    values (nextval('inbound_message_seq'), 'EMAIL', :account, :external, 'IMAP', :raw, 1, :now,
                        'DONE', :ticket, 1, :now)""")
                    .param("account", mailbox.value()).param("external", "<" + TestStaff.unique() + "@client.test>")
                    .param("raw", new byte[] {'x'}).param("now", Timestamp.from(Instant.now()))
                    .param("ticket", ticket.value()).update();
            long message = reply("Ответ через ящик C.");
            long id = enqueue(message, "Ответ через ящик C.");

            await().atMost(Duration.ofSeconds(15)).until(() -> attempts(id) >= 2);
            assertThat(outbox.states(List.of(id))).containsEntry(id, DeliveryState.QUEUED);
            String error = jdbc.sql("select last_error from outbox_entry where id = :id").param("id", id)
                    .query(String.class).single();
            assertThat(error).contains("SMTP 127.0.0.1:" + server.port(), name, "AuthenticationFailedException");
            Element badge = ticketPage().selectFirst("[data-message=" + message + "] [data-testid=delivery]");
            assertThat(badge.attr("data-delivery")).isEqualTo("PENDING");
            assertThat(badge.attr("title")).contains("AuthenticationFailedException");

            TestStaff.asAdmin(() -> {
                mailboxes.update(mailbox, mailbox(name, address, server, "верный-пароль"));
                return null;
            });

            await().atMost(Duration.ofSeconds(15))
                    .until(() -> outbox.states(List.of(id)).get(id) == DeliveryState.SENT);
            String messageId = messageIdOf(id);
            MimeMessage mail = server.withMessageId(messageId);
            assertThat(mail).as("arrived at mailbox C's server").isNotNull();
            assertThat(((InternetAddress) mail.getFrom()[0]).getAddress()).isEqualTo(address);
            assertThat(copiesOf(messageId)).as("not through the sandbox").isZero();
        }
    }

    private static MailAccountDetails mailbox(String name, String address, MailboxSmtpServer server,
            String smtpPassword) {
        return new MailAccountDetails(name, address, "imap.invalid", 993, MailSecurity.SSL, address, "imap-пароль",
                "INBOX", Duration.ofMinutes(60), false, true, new SmtpDetails(MailboxSmtpServer.HOST, server.port(),
                        MailSecurity.NONE, "robot@c.test", smtpPassword));
    }

    private long reply(String text) {
        return as(supervisor, () -> conversations.add(ticket, new NewMessage(MessageKind.PUBLIC_REPLY, text,
                List.of(), null)));
    }

    private long enqueue(long message, String text) {
        return transactions.execute(status -> outbox.enqueue(new OutboundMail("reply:" + message, ticket.value(),
                message, List.of(email), List.of(), "Re: Не приходят письма", text, null)));
    }

    private int attempts(long id) {
        return jdbc.sql("select attempts from outbox_entry where id = :id").param("id", id).query(Integer.class)
                .single();
    }

    private String messageIdOf(long id) {
        return jdbc.sql("select message_id from outbox_entry where id = :id").param("id", id).query(String.class)
                .single();
    }

    private long copiesOf(String messageId) {
        return sandbox.mails().stream().filter(m -> messageId.equals(m.messageId())).count();
    }

    private Document outboxPage() throws Exception {
        return Jsoup.parse(mvc.perform(get("/admin/outbox").with(as(supervisor))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
    }

    private Document ticketPage() throws Exception {
        return Jsoup.parse(mvc.perform(get("/tickets/{n}", ticket.value()).with(as(supervisor)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    private org.springframework.test.web.servlet.request.RequestPostProcessor as(String login) {
        return user(users.loadUserByUsername(login));
    }

    private <T> T as(String login, Supplier<T> work) {
        UserDetails details = users.loadUserByUsername(login);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(details, null, details.getAuthorities()));
        try {
            return work.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
