package io.otklik.workspace;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;

import io.otklik.BrowserSession;
import io.otklik.PostgresTest;
import io.otklik.TestCustomers;
import io.otklik.TestServiceLevels;
import io.otklik.TestStaff;
import io.otklik.agent.AgentDirectory;
import io.otklik.agent.TicketScope;
import io.otklik.customer.CustomerDirectory;
import io.otklik.customer.CustomerId;
import io.otklik.identity.CustomerSignInLinks;
import io.otklik.identity.Role;
import io.otklik.sla.CalendarAdministration;
import io.otklik.sla.SlaPolicyAdministration;
import io.otklik.ticket.Categories;
import io.otklik.ticket.Channel;
import io.otklik.ticket.NewTicket;
import io.otklik.ticket.NextDue;
import io.otklik.ticket.Priority;
import io.otklik.ticket.TicketChanges;
import io.otklik.ticket.TicketDueTimes;
import io.otklik.ticket.TicketId;
import io.otklik.ticket.TicketIntake;
import io.otklik.ticket.TicketQueries;
import io.otklik.ticket.TicketUpdates;

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
 * Due times in a real browser: a queue row's badge follows the ticket's clocks live and counts down to overdue on its
 * own, the ticket page shows due times in the viewer's own time zone, and the portal tells the customer by when we
 * will answer. Tickets are counted round the clock ({@link TestServiceLevels}).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class DueBadgesBrowserTests extends PostgresTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final LocatorAssertions.HasTextOptions LIVE = new LocatorAssertions.HasTextOptions().setTimeout(10_000);

    private static BrowserSession browser;

    @LocalServerPort int port;
    @Autowired AgentDirectory agents;
    @Autowired CustomerDirectory customers;
    @Autowired CustomerSignInLinks links;
    @Autowired TicketIntake intake;
    @Autowired TicketUpdates updates;
    @Autowired TicketQueries tickets;
    @Autowired TicketDueTimes dueTimes;
    @Autowired Categories categories;
    @Autowired CalendarAdministration calendars;
    @Autowired SlaPolicyAdministration policies;
    @Autowired Clock clock;

    TestServiceLevels levels;
    CustomerId customer;
    BrowserContext context;
    final List<String> scriptErrors = new CopyOnWriteArrayList<>();

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
    void serviceLevels() {
        levels = TestServiceLevels.roundTheClock(categories, calendars, policies);
        customer = TestCustomers.add(customers, "Зоя Срочная");
    }

    @AfterEach
    void close() {
        if (context != null) {
            context.close();
        }
        levels.close();
        assertThat(scriptErrors).as("script errors on the pages").isEmpty();
    }

    @Test
    void aQueueRowFollowsTheClocksLiveAndCountsDownToOverdueWithoutAReload() {
        TicketId ticket = open(Priority.LOW);
        awaitKept(ticket);
        Page page = agentPage("ru-RU", "Europe/Moscow");
        page.navigate("/queues/all?category=" + levels.category() + "&sort=DUE");
        assertThat(page.locator("body")).hasAttribute("data-live", "connected");
        Locator badge = page.locator("tr[data-ticket='" + ticket.value() + "'] [data-testid=due-badge]");
        assertThat(badge).hasText("осталось 8 ч");
        assertThat(badge).hasClass(Pattern.compile("\\bdue-ok\\b"));
        page.evaluate("window.stillTheSamePage = true");

        // The priority is raised elsewhere: the clocks are recomputed and the row shows the new due time
        TestStaff.asAdmin(() -> updates.change(ticket, TicketChanges.none().withPriority(Priority.CRITICAL), null));
        assertThat(badge).hasText("осталось 30 мин", LIVE);
        assertThat(badge).hasClass(Pattern.compile("\\bdue-near\\b"));
        BrowserSession.screenshot(page, "due-queue");

        // Its due time comes in a few seconds: the badge counts on by itself and turns overdue
        Instant soon = clock.instant().plusSeconds(4);
        dueTimes.record(Map.of(ticket, new NextDue(soon, clock.instant(), false)));
        assertThat(badge).hasText("осталось 1 мин", LIVE);
        assertThat(badge).hasText("просрочено на 1 мин", LIVE);
        assertThat(badge).hasClass(Pattern.compile("\\bdue-overdue\\b"));
        assertThat((Boolean) page.evaluate("window.stillTheSamePage === true")).isTrue();
    }

    @Test
    void theTicketPageShowsDueTimesInTheViewersOwnTimeZone() {
        TicketId ticket = open(Priority.CRITICAL);
        Instant due = awaitKept(ticket).at();
        Page page = agentPage("ru-RU", "Asia/Vladivostok");

        page.navigate("/tickets/" + ticket.value());

        assertThat(page.getByTestId("ticket-due").getByTestId("due-badge")).hasText("осталось 30 мин");
        Locator firstResponse = page.locator("[data-testid=sla-clock][data-target=FIRST_RESPONSE]");
        assertThat(firstResponse.getByTestId("due-badge")).hasText("осталось 30 мин");
        String vladivostok = DateTimeFormatter.ofPattern("HH:mm").format(due.atZone(ZoneId.of("Asia/Vladivostok")));
        String month = DateTimeFormatter.ofPattern("MMMM", Locale.of("ru")).format(due.atZone(
                ZoneId.of("Asia/Vladivostok")));
        assertThat(firstResponse.locator("[data-testid=sla-due] time")).containsText(vladivostok);
        assertThat(firstResponse.locator("[data-testid=sla-due] time")).containsText(month);
        assertThat(page.getByTestId("ticket-due").locator("time")).containsText(vladivostok);
        BrowserSession.screenshot(page, "due-ticket-page");
    }

    @Test
    void thePortalTellsTheCustomerByWhenWeWillAnswer() {
        TicketId ticket = open(Priority.HIGH);
        Instant due = awaitKept(ticket).at();
        context = browser.newContext("http://localhost:" + port, "ru-RU");
        Page page = watched(context.newPage());
        page.navigate("/portal/link/" + links.issue(customer.value(), Duration.ofMinutes(5)));
        page.locator("main form button[type=submit]").click();
        assertThat(page).hasURL(Pattern.compile("/portal/tickets$"));

        page.navigate("/portal/tickets/" + ticket.value());

        String answerBy = DateTimeFormatter.ofPattern("d MMMM, HH:mm", Locale.of("ru"))
                .format(due.atZone(ZoneId.of("Europe/Moscow")));
        assertThat(page.getByTestId("promise")).hasText("Мы ответим до " + answerBy + " (UTC+3).");
        BrowserSession.screenshot(page, "due-portal");
    }

    Page agentPage(String locale, String timeZone) {
        String agent = TestStaff.add(agents, Role.AGENT, TicketScope.ALL, Set.of(), null);
        context = browser.newContext("http://localhost:" + port, locale, timeZone);
        Page page = watched(context.newPage());
        BrowserSession.signIn(page, agent);
        return page;
    }

    Page watched(Page page) {
        page.onPageError(scriptErrors::add);
        return page;
    }

    TicketId open(Priority priority) {
        return intake.open(new NewTicket("Не открывается касса " + TestStaff.unique(), "Кассовая программа висит.",
                customer, Channel.EMAIL, priority, levels.category(), null, null, Set.of(), List.of()));
    }

    NextDue awaitKept(TicketId ticket) {
        await().atMost(WAIT).until(() -> TestStaff.asAdmin(() -> tickets.details(ticket)).nextDue() != null);
        return TestStaff.asAdmin(() -> tickets.details(ticket)).nextDue();
    }
}
