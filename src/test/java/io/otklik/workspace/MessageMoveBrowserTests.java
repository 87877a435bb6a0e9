package io.otklik.workspace;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;

import io.otklik.BrowserSession;
import io.otklik.PostgresTest;
import io.otklik.TestStaff;
import io.otklik.agent.AgentDirectory;
import io.otklik.agent.TicketScope;
import io.otklik.customer.CustomerDirectory;
import io.otklik.customer.CustomerId;
import io.otklik.customer.NewCustomer;
import io.otklik.identity.Role;
import io.otklik.ticket.Channel;
import io.otklik.ticket.Conversations;
import io.otklik.ticket.CustomerTickets;
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

/**
 * A message's menu in a real browser: moving a message while the other ticket is open in a second tab (which
 * updates by itself), splitting after confirming, and unfolding a mail's quoted history.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class MessageMoveBrowserTests extends PostgresTest {

    private static BrowserSession browser;

    @LocalServerPort
    int port;

    @Autowired AgentDirectory agents;
    @Autowired CustomerDirectory customers;
    @Autowired TicketIntake intake;
    @Autowired CustomerTickets customerTickets;
    @Autowired Conversations conversations;

    private BrowserContext context;
    private Page page;
    private final List<String> dialogs = new CopyOnWriteArrayList<>();
    private final List<String> scriptErrors = new CopyOnWriteArrayList<>();
    private CustomerId customer;
    private String unique;

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
        unique = TestStaff.unique();
        customer = customers.register(new NewCustomer("Олег " + unique, "oleg-" + unique + "@client.test", null,
                null));
        String login = TestStaff.add(agents, Role.AGENT, TicketScope.ALL, Set.of(), Locale.of("ru"));
        context = browser.newContext("http://localhost:" + port, "ru-RU");
        page = context.newPage();
        page.onDialog(dialog -> {
            dialogs.add(dialog.message());
            dialog.accept();
        });
        page.onPageError(scriptErrors::add);
        BrowserSession.signIn(page, login);
        assertThat(page).hasURL(Pattern.compile("/queues/mine$"));
    }

    @AfterEach
    void closeWindow() {
        context.close();
        assertThat(scriptErrors).as("script errors on the pages").isEmpty();
    }

    @Test
    void movedMessageShowsUpOnTheOtherTicketOpenInAnotherTab() {
        TicketId from = open("Принтер и VPN " + unique);
        TicketId to = open("VPN " + unique);
        customerTickets.reply(from, customer, "А ещё VPN отваливается.", List.of(), Channel.EMAIL);
        Page other = context.newPage();
        other.onPageError(scriptErrors::add);
        other.navigate("/tickets/" + to.value());
        assertThat(other.locator("body")).hasAttribute("data-live", "connected");
        assertThat(other.locator("#conversation article.message")).hasCount(1);

        page.navigate("/tickets/" + from.value());
        Locator message = message(page, "VPN отваливается");
        message.locator("summary", new Locator.LocatorOptions().setHasText("Перенести…")).click();
        message.getByLabel("В тикет номер").fill("OTK-" + to.value());
        message.locator("[data-testid=move-form] button").click();

        assertThat(page.locator("[data-testid=move-notice]"))
                .hasText("Сообщение перенесено в тикет OTK-" + to.value());
        assertThat(message(page, "VPN отваливается")).hasCount(0);
        assertThat(message(other, "VPN отваливается")).isVisible(new LocatorAssertions.IsVisibleOptions()
                .setTimeout(3000));
        assertThat(message(other, "VPN отваливается").locator(".message-meta"))
                .hasText("Почему здесь: перенесено сюда из тикета OTK-" + from.value());
        BrowserSession.screenshot(other, "message-moved-here");
    }

    @Test
    void aTicketNumberBeingTypedIsKeptWhenTheConversationChanges() {
        TicketId id = open("Набор номера " + unique);
        page.navigate("/tickets/" + id.value());
        assertThat(page.locator("body")).hasAttribute("data-live", "connected");
        Locator message = message(page, "Описание: Набор номера");
        message.locator("summary").click();
        message.getByLabel("В тикет номер").fill("OTK-12");
        message.getByLabel("В тикет номер").focus();

        conversations.add(id, new NewMessage(MessageKind.INTERNAL_NOTE, "Заметка системы " + unique, List.of(),
                null));

        Locator notice = page.locator("#conversation [data-stale-notice]");
        assertThat(notice).isVisible();
        assertThat(message.getByLabel("В тикет номер")).hasValue("OTK-12");
        assertThat(message(page, "Заметка системы")).hasCount(0);
        notice.locator("button").click();
        assertThat(message(page, "Заметка системы")).isVisible();
    }

    @Test
    void splitAsksFirstThenLinksTheNewTicket() {
        TicketId from = open("Два вопроса " + unique);
        customerTickets.reply(from, customer, "Второй вопрос: не приходят счета.", List.of(), Channel.EMAIL);
        page.navigate("/tickets/" + from.value());
        Locator message = message(page, "не приходят счета");
        message.locator("summary").click();
        BrowserSession.screenshot(page, "message-menu-open");
        message.getByText("Выделить в новый тикет").click();

        assertThat(page.locator("[data-testid=move-notice]")).containsText("Сообщение выделено в новый тикет");
        assertThat(dialogs).containsExactly(
                "Выделить это сообщение в новый тикет? Файлы сообщения перейдут вместе с ним.");
        page.locator("[data-testid=move-notice] a").click();
        assertThat(page.locator("[data-testid=ticket-subject]")).hasText("Два вопроса " + unique);
        assertThat(page.locator("#conversation article.message")).hasCount(1);
        assertThat(page.locator("#links")).containsText("Выделен из OTK-" + from.value());
    }

    @Test
    void quotedHistoryIsFoldedUntilAsked() {
        TicketId id = open("Цитаты " + unique);
        customerTickets.reply(id, customer, """
                Спасибо, заработало.

                On Mon, 3 Nov 2026 at 10:00, Otklik Support <support@otklik.example> wrote:
                > Перезагрузите роутер и попробуйте снова.""", List.of(), Channel.EMAIL);
        page.navigate("/tickets/" + id.value());
        Locator message = message(page, "Спасибо, заработало.");
        assertThat(message.getByText("Перезагрузите роутер", new Locator.GetByTextOptions().setExact(false)))
                .isHidden();
        message.getByText("Показать цитату").click();
        assertThat(message.getByText("Перезагрузите роутер", new Locator.GetByTextOptions().setExact(false)))
                .isVisible();
        BrowserSession.screenshot(page, "quoted-history-unfolded");
    }

    private static Locator message(Page page, String text) {
        return page.locator("#conversation article.message", new Page.LocatorOptions().setHasText(text));
    }

    private TicketId open(String subject) {
        return intake.open(new NewTicket(subject, "Описание: " + subject, customer, Channel.EMAIL, Priority.MEDIUM,
                null, null, null, Set.of(), List.of()));
    }
}
