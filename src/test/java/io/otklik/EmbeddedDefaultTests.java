package io.otklik;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

import io.otklik.channel.DeliveryState;
import io.otklik.channel.OutboundMail;
import io.otklik.channel.Outbox;
import io.otklik.channel.email.ConnectionCheck;
import io.otklik.channel.email.ImapAccounts;
import io.otklik.channel.email.MailAccountAdministration;
import io.otklik.channel.email.MailAccountView;
import io.otklik.channel.email.SandboxMail;
import io.otklik.channel.email.SandboxMailServer;
import io.otklik.sla.BusinessCalendars;
import io.otklik.sla.ClockTarget;
import io.otklik.sla.SlaPolicies;
import io.otklik.sla.SlaPolicy;
import io.otklik.sla.SlaSubject;
import io.otklik.ticket.Channel;
import io.otklik.ticket.Priority;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Smoke test of the embedded default: with no database configured the application starts on its H2 file database
 * under the data folder, migrates it with the same scripts as PostgreSQL, serves the sign-in page, and sends mail
 * through the outbox (the same SQL as on PostgreSQL) to its built-in sandbox mail server, whose support mailbox it
 * reads out of the box.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EmbeddedDefaultTests {

    private static Path dataDir;
    private static ConfigurableApplicationContext app;

    @BeforeAll
    static void start() throws IOException {
        dataDir = Files.createTempDirectory("otklik-embedded-");
        app = SpringApplication.run(OtklikApplication.class, "--server.port=0",
                "--otklik.data-dir=" + dataDir, "--otklik.demo-data=false");
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void runsOnAnH2FileDatabaseUnderTheDataFolder() {
        String url = app.getEnvironment().getProperty("spring.datasource.url");
        assertThat(url).startsWith("jdbc:h2:file:" + dataDir);
        assertThat(Files.exists(dataDir.resolve("db/otklik.mv.db"))).isTrue();
        JdbcClient jdbc = app.getBean(JdbcClient.class);
        assertThat(jdbc.sql("select count(*) from ticket").query(Long.class).single()).isZero();
    }

    @Test
    void makesTheDefaultBusinessCalendarFromTheSettingsOnH2Too() {
        BusinessCalendars calendars = app.getBean(BusinessCalendars.class);
        assertThat(calendars.standard().zone()).isEqualTo(ZoneId.of("Europe/Moscow"));
        assertThat(calendars.standard().hoursOn(LocalDate.of(2026, 11, 3))).hasToString("09:00-17:00");
        assertThat(app.getBean(JdbcClient.class).sql("select name from business_calendar").query(String.class)
                .list()).containsExactly("Основной календарь");
    }

    @Test
    void makesTheDefaultSlaPolicyOnH2Too() {
        SlaPolicy standard = app.getBean(SlaPolicies.class).applicableTo(new SlaSubject(Priority.CRITICAL, null, null,
                Set.of("VIP"), Channel.EMAIL, null));
        assertThat(standard.name()).isEqualTo("Стандартный");
        assertThat(standard.target(Priority.CRITICAL, ClockTarget.FIRST_RESPONSE)).isEqualTo(Duration.ofMinutes(30));
        assertThat(standard.firstResponseCap()).isEqualTo(Duration.ofHours(24));
        assertThat(standard.calendar()).isEqualTo(app.getBean(BusinessCalendars.class).standardId());
    }

    @Test
    void aQueuedMailLandsInTheBuiltInSandboxMailServer() {
        Outbox outbox = app.getBean(Outbox.class);
        long id = app.getBean(TransactionTemplate.class).execute(status -> {
            long queued = outbox.enqueue(new OutboundMail("smoke:1", null, null, List.of("newcomer@example.test"),
                    List.of(), "Проверка почты", "Письмо из песочницы", null));
            assertThat(outbox.enqueue(new OutboundMail("smoke:1", null, null, List.of("newcomer@example.test"),
                    List.of(), "Проверка почты", "Письмо из песочницы", null))).isEqualTo(queued);
            return queued;
        });
        SandboxMailServer sandbox = app.getBean(SandboxMailServer.class);
        await().atMost(Duration.ofSeconds(20)).until(() -> outbox.states(List.of(id)).get(id) == DeliveryState.SENT);
        assertThat(sandbox.mails()).filteredOn(mail -> mail.envelopeTo().contains("newcomer@example.test"))
                .extracting(SandboxMail::subject).containsExactly("Проверка почты");
    }

    @Test
    void readsTheSandboxSupportMailboxOutOfTheBox() throws IOException {
        SandboxMailServer sandbox = app.getBean(SandboxMailServer.class);
        MailAccountAdministration administration = app.getBean(MailAccountAdministration.class);
        List<MailAccountView> accounts = TestStaff.asAdmin(administration::accounts);
        assertThat(accounts).singleElement().satisfies(account -> {
            assertThat(account.name()).isEqualTo("Песочница");
            assertThat(account.sandbox()).isTrue();
            assertThat(account.enabled()).isTrue();
            assertThat(account.address()).isEqualTo(sandbox.mailbox());
            assertThat(account.port()).isEqualTo(sandbox.imapPort());
        });
        ConnectionCheck check = TestStaff.asAdmin(() -> administration.test(accounts.getFirst().id()));
        assertThat(check.ok()).isTrue();
        assertThat(check.idle()).isTrue();
        assertThat(app.getBean(ImapAccounts.class).enabled()).singleElement()
                .satisfies(connection -> assertThat(connection.port()).isEqualTo(sandbox.imapPort()));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("secrets.key"))))
                .isEqualTo("rw-------");
    }

    /**
     * Issue 4's embedded default end to end, on H2: a mail sent with any mail program to the sandbox's SMTP port
     * becomes a ticket, and its acknowledgement (decided by the acknowledgement queue's SQL, here on H2) is in the
     * sandbox for the customer. Runs last: the others look at a database without tickets.
     */
    @Test
    @Order(Integer.MAX_VALUE)
    void aMailToTheSandboxBecomesATicketAndItsAcknowledgementArrivesThere() throws Exception {
        SandboxMailServer sandbox = app.getBean(SandboxMailServer.class);
        String customer = "embedded-" + TestStaff.unique() + "@client.test";
        Properties properties = new Properties();
        properties.setProperty("mail.smtp.host", sandbox.host());
        properties.setProperty("mail.smtp.port", Integer.toString(sandbox.smtpPort()));
        MimeMessage mail = new MimeMessage(Session.getInstance(properties));
        mail.setFrom(new InternetAddress(customer, "Ольга Петрова", "UTF-8"));
        mail.setRecipient(Message.RecipientType.TO, new InternetAddress(sandbox.mailbox()));
        mail.setSubject("Не печатает принтер", "UTF-8");
        mail.setText("Добрый день! Принтер в бухгалтерии не печатает с утра.", "UTF-8");
        Transport.send(mail);

        SandboxMail ack = await().atMost(Duration.ofSeconds(60)).until(() -> sandbox.mails().stream()
                .filter(m -> m.envelopeTo().contains(customer)).findFirst(), Optional::isPresent)
                .orElseThrow();
        assertThat(ack.subject()).matches("\\[OTK-\\d+] Мы получили ваше обращение: Не печатает принтер");
    }

    @Test
    void servesTheSignInPageAndHealth() throws Exception {
        String port = app.getEnvironment().getProperty("local.server.port");
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                .header("Accept-Language", "en").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.body()).contains("Sign in");
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.body()).contains("UP");
    }
}
