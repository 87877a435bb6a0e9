package io.otklik.sla.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

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
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The service levels on the ticket page in a real browser: the region loads with the page, and a priority raised on
 * the page gives the clocks their new target and says so in the timeline without a reload.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class TicketSlaBrowserTests extends PostgresTest {

    private static BrowserSession browser;

    @LocalServerPort
    int port;

    @Autowired AgentDirectory agents;
    @Autowired CustomerDirectory customers;
    @Autowired TicketIntake intake;

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
    void theTicketShowsItsClocksAndARaisedPriorityInTheTimeline() {
        String unique = TestStaff.unique();
        CustomerId requester = customers.register(new NewCustomer("Олег " + unique, "oleg-" + unique
                + "@client.test", null, null));
        TicketId ticket = intake.open(new NewTicket("Не работает касса " + unique, "Касса не пробивает чеки.",
                requester, Channel.EMAIL, Priority.MEDIUM, null, null, null, Set.of(), List.of()));
        String login = TestStaff.add(agents, Role.AGENT, TicketScope.ALL, Set.of(), Locale.of("ru"));
        BrowserSession.signIn(page, login);

        page.navigate("/tickets/" + ticket.value());
        page.evaluate("() => { window.__sameDocument = true; }");
        Locator sla = page.locator("#sla");
        assertThat(sla.locator("h2")).hasText("Сроки (SLA)");
        assertThat(sla.locator("[data-testid=sla-clock][data-target=FIRST_RESPONSE]")).containsText("Первый ответ");
        assertThat(sla.locator("[data-testid=sla-clock][data-target=FIRST_RESPONSE]")).containsText("идёт");
        assertThat(sla.locator("[data-testid=sla-clock][data-target=RESOLUTION]")).containsText("Решение");

        page.locator("#prop-priority").selectOption("CRITICAL");
        page.locator("#properties form button[type=submit]").first().click();

        assertThat(sla.locator("summary")).hasText("Как шли сроки (4)");
        sla.locator("summary").click();
        assertThat(sla.locator("[data-testid=sla-step]").last())
                .containsText("Решение: цель изменена — приоритет «Средний» → «Критический»");
        assertThat(sla.locator("[data-testid=sla-clock][data-target=FIRST_RESPONSE]")).containsText("цель 30 мин рабочего времени");
        assertThat(page.evaluate("() => window.__sameDocument === true")).as("no page reload").isEqualTo(true);
        BrowserSession.screenshot(page, "ticket-sla");
    }
}
