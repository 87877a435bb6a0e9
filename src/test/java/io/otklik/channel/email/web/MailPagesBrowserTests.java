package io.otklik.channel.email.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import io.otklik.BrowserSession;
import io.otklik.PostgresTest;
import io.otklik.TestStaff;
import io.otklik.agent.AgentDirectory;
import io.otklik.channel.OutboundMail;
import io.otklik.channel.Outbox;
import io.otklik.channel.email.SandboxMail;
import io.otklik.channel.email.SandboxMailServer;
import io.otklik.customer.CustomerDirectory;
import io.otklik.customer.NewCustomer;
import io.otklik.identity.Role;
import io.otklik.ticket.Channel;
import io.otklik.ticket.Conversations;
import io.otklik.ticket.MessageKind;
import io.otklik.ticket.NewMessage;
import io.otklik.ticket.NewTicket;
import io.otklik.ticket.Priority;
import io.otklik.ticket.TicketId;
import io.otklik.ticket.TicketIntake;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Outgoing mail in a real browser: a sandbox mail's HTML shows in its frame without running anything, and a reply's
 * delivery state on the ticket page follows the outbox live, with the reason on a failed one.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class MailPagesBrowserTests extends PostgresTest {

    private static BrowserSession browser;

    @LocalServerPort int port;
    @Autowired AgentDirectory agents;
    @Autowired UserDetailsService users;
    @Autowired SandboxMailServer sandbox;
    @Autowired Outbox outbox;
    @Autowired TransactionTemplate transactions;
    @Autowired TicketIntake intake;
    @Autowired Conversations conversations;
    @Autowired CustomerDirectory customers;

    private BrowserContext context;
    private Page page;
    private String supervisor;

    @BeforeAll
    static void startBrowser() {
        browser = BrowserSession.launch();
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void signIn() {
        supervisor = TestStaff.add(agents, Role.SUPERVISOR);
        context = browser.newContext("http://127.0.0.1:" + port, "ru-RU");
        page = context.newPage();
        BrowserSession.signIn(page, supervisor);
        assertThat(page).hasURL(Pattern.compile("/queues/mine$"));
    }

    @AfterEach
    void closeWindow() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void aSandboxMailShowsItsHtmlInAFrameThatRunsNothing() throws Exception {
        String subject = "Письмо с HTML " + TestStaff.unique();
        SandboxMail mail = sendToSandbox(subject, "<p id=\"greeting\">Добрый <b>день</b>!</p>"
                + "<script>parent.document.title = 'взлом'; document.body.append('скрипт сработал');</script>");

        page.navigate("/admin/sandbox-mail");
        page.getByText(subject).click();
        assertThat(page).hasURL(Pattern.compile("/admin/sandbox-mail/" + mail.number() + "$"));
        assertThat(page.locator("[data-testid=text-part]")).hasText("Текстовая часть письма.");
        Locator greeting = page.frameLocator("iframe[data-testid=html-part]").locator("#greeting");
        assertThat(greeting).hasText("Добрый день!");
        assertThat(page.frameLocator("iframe[data-testid=html-part]").locator("body"))
                .not().containsText("скрипт сработал");
        assertThat(page).not().hasTitle("взлом");
        BrowserSession.screenshot(page, "sandbox-mail");
    }

    @Test
    void aReplysDeliveryStateFollowsTheOutboxLive() {
        String email = "browser-" + TestStaff.unique() + "@client.test";
        var customer = customers.register(new NewCustomer("Денис Почтовый", email, null, null));
        TicketId ticket = intake.open(new NewTicket("Письма не доходят", "Проверьте, пожалуйста", customer,
                Channel.EMAIL, Priority.MEDIUM, null, null, null, Set.of(), List.of()));
        long good = asSupervisor(() -> conversations.add(ticket, new NewMessage(MessageKind.PUBLIC_REPLY,
                "Проверили, всё работает.", List.of(), null)));
        long bad = asSupervisor(() -> conversations.add(ticket, new NewMessage(MessageKind.PUBLIC_REPLY,
                "Этот ответ уйдёт на неверный адрес.", List.of(), null)));

        page.navigate("/tickets/" + ticket.value());
        assertThat(page.locator("body")).hasAttribute("data-live", "connected");
        Locator goodBadge = page.locator("[data-message='" + good + "'] [data-testid=delivery]");
        assertThat(goodBadge).hasText("Ожидает отправки");

        enqueue(ticket, good, email);
        enqueue(ticket, bad, "неверный адрес");

        assertThat(goodBadge).hasText("Отправлено");
        Locator badBadge = page.locator("[data-message='" + bad + "'] [data-testid=delivery]");
        assertThat(badBadge).hasText("Не доставлено");
        assertThat(badBadge).hasAttribute("title", Pattern.compile("^Последняя попытка отправки не удалась: "
                + "Invalid address"));
        BrowserSession.screenshot(page, "ticket-delivery-states");

        page.navigate("/admin/outbox?state=FAILED");
        assertThat(page.locator("[data-testid=outbox-entry]").first()).containsText("неверный адрес");
        assertThat(page.locator("[data-testid=outbox-entry]").first().getByRole(
                com.microsoft.playwright.options.AriaRole.BUTTON)).hasText("Повторить сейчас");
        BrowserSession.screenshot(page, "outbox-failed");
    }

    private void enqueue(TicketId ticket, long message, String to) {
        transactions.executeWithoutResult(status -> outbox.enqueue(new OutboundMail("reply:" + message,
                ticket.value(), message, List.of(to), List.of(), "Re: Письма не доходят", "Ответ", null)));
    }

    private <T> T asSupervisor(Supplier<T> work) {
        UserDetails details = users.loadUserByUsername(supervisor);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(details, null, details.getAuthorities()));
        try {
            return work.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private SandboxMail sendToSandbox(String subject, String html) throws Exception {
        Properties properties = new Properties();
        properties.setProperty("mail.smtp.host", sandbox.host());
        properties.setProperty("mail.smtp.port", String.valueOf(sandbox.smtpPort()));
        MimeMessage message = new MimeMessage(Session.getInstance(properties));
        message.setFrom(new InternetAddress("client@client.test"));
        message.setRecipients(Message.RecipientType.TO, "support@otklik.local");
        message.setSubject(subject, "UTF-8");
        MimeBodyPart text = new MimeBodyPart();
        text.setText("Текстовая часть письма.", "UTF-8");
        MimeBodyPart rich = new MimeBodyPart();
        rich.setText(html, "UTF-8", "html");
        MimeMultipart alternatives = new MimeMultipart("alternative");
        alternatives.addBodyPart(text);
        alternatives.addBodyPart(rich);
        message.setContent(alternatives);
        Transport.send(message);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> sandbox.mails().stream().anyMatch(m -> m.subject().equals(subject)));
        return sandbox.mails().stream().filter(m -> m.subject().equals(subject)).findFirst().orElseThrow();
    }
}
