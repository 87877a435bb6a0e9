package io.otklik.workspace;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.otklik.BrowserSession;
import io.otklik.PostgresTest;
import io.otklik.TestStaff;
import io.otklik.agent.AgentDirectory;
import io.otklik.agent.NewAgent;
import io.otklik.agent.TicketScope;
import io.otklik.customer.CustomerDirectory;
import io.otklik.customer.CustomerId;
import io.otklik.customer.NewCustomer;
import io.otklik.identity.Role;
import io.otklik.ticket.Channel;
import io.otklik.ticket.FollowSource;
import io.otklik.ticket.NewTicket;
import io.otklik.ticket.Priority;
import io.otklik.ticket.TicketFollowers;
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
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The "Followers" section of the ticket page in a real browser: an agent adds and removes followers without leaving
 * the page, a bad address is explained next to the field, and a follower added elsewhere (the email intake) shows
 * up by itself.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class TicketFollowersBrowserTests extends PostgresTest {

    private static final String PASSWORD = "correct horse battery";

    private static BrowserSession browser;

    @LocalServerPort
    int port;

    @Autowired AgentDirectory agents;
    @Autowired CustomerDirectory customers;
    @Autowired TicketIntake intake;
    @Autowired TicketFollowers followers;

    private BrowserContext context;
    private Page page;
    private final List<String> scriptErrors = new CopyOnWriteArrayList<>();

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
    void openBrowserWindow() {
        SecurityContextHolder.clearContext();
        context = browser.newContext("http://localhost:" + port, "ru-RU");
        page = context.newPage();
        page.onPageError(scriptErrors::add);
    }

    @AfterEach
    void closeBrowserWindow() {
        if (context != null) {
            context.close();
        }
        assertThat(scriptErrors).as("script errors on the pages").isEmpty();
    }

    @Test
    void anAgentAddsAndRemovesFollowersOnTheTicketPage() {
        String unique = TestStaff.unique();
        TicketId ticket = openTicket(unique);
        signIn(newAgent("Нина Наблюдателева " + unique));
        page.navigate("/tickets/" + ticket.value());
        page.evaluate("() => { window.__sameDocument = true; }");
        Locator section = page.locator("#followers");
        assertThat(section.locator("h2")).hasText("Наблюдатели");
        assertThat(section).containsText("Наблюдателей нет.");

        page.getByLabel("Email наблюдателя").fill("не адрес");
        section.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Добавить")).click();
        assertThat(page.locator("#followers [role=alert]")).hasText("Это не похоже на адрес электронной почты.");
        assertThat(page.getByLabel("Email наблюдателя")).hasValue("не адрес");

        page.getByLabel("Email наблюдателя").fill("Иван Петров <ivan-" + unique + "@client.test>");
        page.locator("#followers").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Добавить"))
                .click();
        Locator follower = page.locator("#followers [data-testid=follower]");
        assertThat(follower).hasCount(1);
        assertThat(follower).containsText("Иван Петров");
        assertThat(follower).containsText("ivan-" + unique + "@client.test");
        assertThat(page.locator("#followers [role=alert]")).hasCount(0);
        assertThat(page.locator("#followers [role=status]"))
                .hasText("ivan-" + unique + "@client.test теперь получает ответы в копии.");
        assertThat(page.getByLabel("Email наблюдателя")).hasValue("");
        assertThat(historyEntry("Иван Петров <ivan-" + unique + "@client.test> теперь наблюдатель (добавлен(а) агентом)"))
                .isVisible();
        BrowserSession.screenshot(page, "ticket-followers");

        page.locator("#followers").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions()
                .setName("Убрать из наблюдателей: ivan-" + unique + "@client.test")).click();
        assertThat(page.locator("#followers")).containsText("Наблюдателей нет.");
        assertThat(historyEntry("Иван Петров <ivan-" + unique + "@client.test> больше не наблюдатель")).isVisible();
        assertThat(page.evaluate("() => window.__sameDocument === true")).as("no page reload").isEqualTo(true);
    }

    @Test
    void aFollowerAddedByTheEmailIntakeAppearsOnTheOpenPage() {
        String unique = TestStaff.unique();
        TicketId ticket = openTicket(unique);
        signIn(newAgent("Лев Живой " + unique));
        page.navigate("/tickets/" + ticket.value());
        assertThat(page.locator("body")).hasAttribute("data-live", "connected");

        CustomerId cc = customers.findOrRegister(new NewCustomer("Пётр Копиин", "petr-" + unique + "@client.test",
                null, null));
        followers.follow(ticket, cc, FollowSource.EMAIL_CC);

        assertThat(page.locator("#followers [data-testid=follower]")).containsText("Пётр Копиин");
        assertThat(page.locator("#followers [data-testid=follower]")).containsText("был(а) в копии письма");
        assertThat(historyEntry("Пётр Копиин <petr-" + unique + "@client.test> теперь наблюдатель "
                + "(был(а) в копии письма)")).isVisible();
    }

    private TicketId openTicket(String unique) {
        CustomerId requester = customers.register(new NewCustomer("Анна " + unique, "anna-" + unique
                + "@client.test", null, null));
        return intake.open(new NewTicket("Копии писем " + unique, "Добавьте коллегу в копию.", requester,
                Channel.EMAIL, Priority.MEDIUM, null, null, null, Set.of(), List.of()));
    }

    private String newAgent(String name) {
        String login = "agent-" + TestStaff.unique() + "@otklik.test";
        asAdministrator(() -> agents.add(new NewAgent(name, login, PASSWORD, Role.AGENT, TicketScope.ALL, Set.of(),
                Locale.of("ru"))));
        return login;
    }

    private void signIn(String login) {
        page.navigate("/login");
        page.locator("#username").fill(login);
        page.locator("#password").fill(PASSWORD);
        page.locator("form button[type=submit]").click();
        assertThat(page).hasURL(Pattern.compile("/queues/mine$"));
    }

    private Locator historyEntry(String text) {
        return page.locator("#history li", new Page.LocatorOptions().setHasText(text));
    }

    private static <T> T asAdministrator(Supplier<T> work) {
        SecurityContext security = SecurityContextHolder.createEmptyContext();
        security.setAuthentication(new TestingAuthenticationToken("browser-tests", null, Role.ADMIN.authority()));
        SecurityContextHolder.setContext(security);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
