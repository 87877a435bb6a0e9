package io.otklik.portal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;

import io.otklik.BrowserSession;
import io.otklik.PostgresTest;
import io.otklik.TestCustomers;
import io.otklik.TestStaff;
import io.otklik.agent.AgentDirectory;
import io.otklik.agent.TicketScope;
import io.otklik.customer.CustomerDirectory;
import io.otklik.customer.CustomerId;
import io.otklik.identity.CustomerSignInLinks;
import io.otklik.identity.Role;
import io.otklik.ticket.Channel;
import io.otklik.ticket.NewTicket;
import io.otklik.ticket.Status;
import io.otklik.ticket.TicketChanges;
import io.otklik.ticket.TicketId;
import io.otklik.ticket.TicketIntake;
import io.otklik.ticket.TicketUpdates;

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
 * The portal in a real browser: signing in with a link (once), replying, answering a solution on a phone, and an
 * agent in the same browser seeing the customer's reply arrive live on the open ticket page.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class PortalBrowserTests extends PostgresTest {

    /** How quickly a customer's reply must show on the agent's open ticket page. */
    private static final long LIVE_WITHIN_MS = 2000;

    private static BrowserSession browser;

    @LocalServerPort
    int port;

    @Autowired AgentDirectory agents;
    @Autowired CustomerDirectory customers;
    @Autowired CustomerSignInLinks links;
    @Autowired TicketIntake intake;
    @Autowired TicketUpdates updates;

    private BrowserContext context;
    private Page page;
    private final List<String> dialogs = new CopyOnWriteArrayList<>();
    private final List<String> scriptErrors = new CopyOnWriteArrayList<>();

    @RegisterExtension
    final AfterTestExecutionCallback screenshotOnFailure = test -> {
        if (test.getExecutionException().isPresent() && context != null) {
            for (Page open : context.pages()) {
                if (!open.isClosed()) {
                    BrowserSession.screenshot(open, "failed-" + test.getRequiredTestMethod().getName() + "-"
                            + context.pages().indexOf(open));
                }
            }
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
        context.onPage(opened -> {
            opened.onDialog(dialog -> {
                dialogs.add(dialog.type() + ": " + dialog.message());
                dialog.dismiss();
            });
            opened.onPageError(scriptErrors::add);
        });
        page = context.newPage();
    }

    @AfterEach
    void closeBrowserWindow() {
        if (context != null) {
            context.close();
        }
        assertThat(dialogs).as("dialogs the pages opened").isEmpty();
        assertThat(scriptErrors).as("script errors on the pages").isEmpty();
    }

    @Test
    void aPortalReplyShowsLiveOnTheAgentsOpenTicketInTheSameBrowser() {
        String agent = TestStaff.add(agents, Role.AGENT, TicketScope.ALL, Set.of(), Locale.of("ru"));
        CustomerId customer = TestCustomers.add(customers, "Полина Порталова");
        TicketId ticket = open(customer, "Не печатает принтер на третьем этаже");

        BrowserSession.signIn(page, agent);
        assertThat(page).hasURL(Pattern.compile("/queues/mine$"));
        page.navigate("/tickets/" + ticket.value());
        assertThat(page.locator("body")).hasAttribute("data-live", "connected");

        Page portal = context.newPage();
        signInWithLink(portal, customer);
        portal.navigate("/portal/tickets/" + ticket.value());
        String reply = "<script>alert('портал')</script> Принтер снова пишет «нет бумаги» " + TestStaff.unique();
        portal.locator("#reply-body").fill(reply);
        portal.locator("#reply button[type=submit]").click();
        long sent = System.nanoTime();

        Locator arrived = page.locator("#conversation article.message", new Page.LocatorOptions().setHasText(reply));
        assertThat(arrived).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(remainingOf2s(sent)));
        System.out.printf("Live update: portal reply visible on the agent's page after %d ms%n",
                Duration.ofNanos(System.nanoTime() - sent).toMillis());
        assertThat(arrived).hasClass(Pattern.compile("\\bcustomer\\b"));
        assertThat(arrived.locator("header")).containsText("Полина Порталова");
        assertThat(arrived.locator("header")).containsText("Портал");
        assertThat(arrived.locator(".body")).hasText(reply);

        assertThat(portal.locator(".alert.ok")).hasText("Сообщение отправлено в поддержку.");
        assertThat(portal.locator("#conversation article").last().locator(".body")).hasText(reply);
        assertThat(portal.locator("main script")).hasCount(0);

        // Both sign-ins are still there: neither side signed the other out.
        page.reload();
        assertThat(page.getByTestId("ticket-subject")).containsText("Не печатает принтер");
        portal.navigate("/portal/tickets");
        assertThat(portal.locator("main h1")).hasText("Мои обращения");
        BrowserSession.screenshot(portal, "portal-tickets");
    }

    @Test
    void aLinkSignsInOnceAndAUsedLinkOffersANewOne() {
        String email = TestCustomers.email();
        CustomerId customer = customers.register(new io.otklik.customer.NewCustomer("Олег Ссылочный", email, null,
                null));
        String token = links.issue(customer.value(), Duration.ofMinutes(30));

        page.navigate("/portal/link/" + token);
        assertThat(page.locator("main h1")).hasText("Вход в портал поддержки");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Войти")).click();
        assertThat(page).hasURL(Pattern.compile("/portal/tickets$"));
        assertThat(page.getByTestId("portal-customer-name")).hasText("Олег Ссылочный");
        assertThat(page.getByTestId("no-tickets")).hasText("Обращений пока нет.");

        BrowserContext other = browser.newContext("http://localhost:" + port, "en-US");
        try {
            Page again = other.newPage();
            again.navigate("/portal/link/" + token);
            assertThat(again.locator("main h1")).hasText("This link has already been used");
            again.locator("#new-link-email").fill(email);
            again.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send me a new link")).click();
            assertThat(again.locator("main h1")).hasText("Check your mail");
            assertThat(again.locator("main")).containsText(email);
        } finally {
            other.close();
        }
    }

    @Test
    void aCustomerConfirmsTheSolutionOnAPhone() {
        CustomerId customer = TestCustomers.add(customers, "Вера Телефонова");
        TicketId ticket = open(customer, "Как подключить второй монитор?");
        updates.change(ticket, TicketChanges.none().withStatus(Status.SOLVED), null);
        page.setViewportSize(390, 844);
        signInWithLink(page, customer);

        page.locator("[data-ticket='" + ticket.value() + "'] a").click();
        assertThat(page.getByTestId("ticket-status")).hasText("Решено — подтвердите");
        Locator confirm = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions()
                .setName("Проблема решена — закрыть"));
        assertThat(confirm).isVisible();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions()
                .setName("Ещё не решена — открыть снова"))).isVisible();
        BrowserSession.screenshot(page, "portal-ticket-phone");
        Object overflow = page.evaluate("() => document.documentElement.scrollWidth > window.innerWidth");
        assertThat(overflow).as("the page fits the phone's width").isEqualTo(false);

        confirm.click();

        assertThat(page.locator(".alert.ok")).hasText("Спасибо! Обращение закрыто.");
        assertThat(page.getByTestId("ticket-status")).hasText("Закрыто");
        assertThat(page.locator("#reply h2")).hasText("Написать снова");
    }

    private void signInWithLink(Page target, CustomerId customer) {
        target.navigate("/portal/link/" + links.issue(customer.value(), Duration.ofMinutes(5)));
        target.locator("main form button[type=submit]").click();
        assertThat(target).hasURL(Pattern.compile("/portal/tickets$"));
    }

    private TicketId open(CustomerId customer, String subject) {
        return intake.open(new NewTicket(subject + " " + TestStaff.unique(), "Описание: " + subject, customer,
                Channel.EMAIL, null, null, null, null, Set.of(), List.of()));
    }

    private static double remainingOf2s(long sinceNanos) {
        long spent = Duration.ofNanos(System.nanoTime() - sinceNanos).toMillis();
        return Math.max(1, LIVE_WITHIN_MS - spent);
    }
}
