package io.otklik.customer.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
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
import io.otklik.ticket.NewTicket;
import io.otklik.ticket.TicketIntake;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The customer's page in a real browser: the customer's tickets arrive from the queue, and a supervisor finds a
 * duplicate by search, merges it, and sees its tickets and addresses join the customer.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class CustomerPageBrowserTests extends PostgresTest {

    private static final String PASSWORD = "correct horse battery";

    private static BrowserSession browser;

    @LocalServerPort
    int port;

    @Autowired
    AgentDirectory agents;

    @Autowired
    CustomerDirectory customers;

    @Autowired
    TicketIntake intake;

    private BrowserContext context;
    private Page page;
    private final List<String> scriptErrors = new CopyOnWriteArrayList<>();

    @RegisterExtension
    final AfterTestExecutionCallback screenshotOnFailure = test -> {
        if (test.getExecutionException().isPresent() && page != null && !page.isClosed()) {
            BrowserSession.screenshot(page, "failed-" + test.getRequiredTestMethod().getName());
        }
    };

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
        context = browser.newContext("http://localhost:" + port, "ru-RU");
        page = context.newPage();
        page.onPageError(scriptErrors::add);
    }

    @AfterEach
    void closeBrowserWindow() {
        if (context != null) {
            context.close();
        }
        org.assertj.core.api.Assertions.assertThat(scriptErrors).as("script errors on the pages").isEmpty();
    }

    @Test
    void aSupervisorMergesADuplicateFoundBySearchAndItsTicketsJoinTheCustomersList() {
        String marker = TestStaff.unique();
        CustomerId customer = customers.register(new NewCustomer("Алина Воронова " + marker, "alina-" + marker
                + "@work.example", null, null));
        CustomerId duplicate = customers.register(new NewCustomer("Алина В. " + marker, "alina-" + marker
                + "@home.example", null, null));
        open(customer, "Не печатаются счета " + marker);
        open(duplicate, "Вопрос по тарифу " + marker);
        signIn(supervisor());

        page.navigate("/customers/" + customer.value());
        Locator tickets = page.locator("#tickets table.tickets tbody tr");
        assertThat(tickets).hasCount(1);
        assertThat(tickets.first()).containsText("Не печатаются счета " + marker);
        BrowserSession.screenshot(page, "customer");

        page.locator("#merge-search").fill(marker);
        page.locator("#merge form button[type=submit]").click();
        Locator candidate = page.locator("#merge-candidates [data-testid=merge-candidate]");
        assertThat(candidate).hasCount(1);
        assertThat(candidate).containsText("alina-" + marker + "@home.example");
        candidate.getByRole(AriaRole.LINK).click();

        assertThat(page.locator("[data-testid=merge-confirm]")).containsText("Алина В. " + marker);
        BrowserSession.screenshot(page, "customer-merge");
        page.locator("[data-testid=merge-confirm-button]").click();

        assertThat(page).hasURL(Pattern.compile("/customers/" + customer.value() + "$"));
        assertThat(page.locator("[data-testid=merged]")).containsText("Алина В. " + marker);
        assertThat(page.locator("[data-testid=contact]")).hasCount(2);
        assertThat(tickets).hasCount(2);
        assertThat(page.locator("#tickets")).containsText("Вопрос по тарифу " + marker);
    }

    private void open(CustomerId requester, String subject) {
        intake.open(new NewTicket(subject, "Описание: " + subject, requester, Channel.EMAIL, null, null, null, null,
                Set.of(), List.of()));
    }

    private String supervisor() {
        String login = "supervisor-" + TestStaff.unique() + "@otklik.test";
        TestStaff.asAdmin(() -> agents.add(new NewAgent("Старшая смены", login, PASSWORD, Role.SUPERVISOR,
                TicketScope.ALL, Set.of(), Locale.of("ru"))));
        return login;
    }

    private void signIn(String login) {
        page.navigate("/login");
        page.locator("#username").fill(login);
        page.locator("#password").fill(PASSWORD);
        page.locator("form button[type=submit]").click();
        assertThat(page).hasURL(Pattern.compile("/queues/mine$"));
    }
}
