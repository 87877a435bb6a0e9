package io.otklik.channel.webform;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Frame;
import com.microsoft.playwright.FrameLocator;
import com.microsoft.playwright.Page;
import com.sun.net.httpserver.HttpServer;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;

import io.otklik.BrowserSession;
import io.otklik.PostgresTest;
import io.otklik.TestStaff;
import io.otklik.customer.CustomerDirectory;
import io.otklik.customer.CustomerId;
import io.otklik.ticket.Channel;
import io.otklik.ticket.Conversations;
import io.otklik.ticket.TicketDetails;
import io.otklik.ticket.TicketFilter;
import io.otklik.ticket.TicketQueries;
import io.otklik.ticket.TicketSort;

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
 * The public web form in a real browser, as a customer fills it in: on our own page in Russian, and framed on a
 * company's site by the embed script.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class WebFormBrowserTests extends PostgresTest {

    /** The form refuses what is sent sooner than this after it was shown (otklik.webform.min-fill-time). */
    private static final long FILL_TIME_MS = 2_000;

    private static BrowserSession browser;

    @LocalServerPort
    int port;

    @Autowired
    CustomerDirectory customers;
    @Autowired
    TicketQueries tickets;
    @Autowired
    Conversations conversations;

    private BrowserContext context;
    private Page page;
    private final List<String> scriptErrors = new CopyOnWriteArrayList<>();
    private HttpServer companySite;

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
        context = browser.newContext(baseUrl(), "ru-RU");
        page = context.newPage();
        page.onPageError(scriptErrors::add);

    }

    @AfterEach
    void closeBrowserWindow() {
        if (companySite != null) {
            companySite.stop(0);
        }
        if (context != null) {
            context.close();
        }
        assertThat(scriptErrors).as("script errors on the pages").isEmpty();
    }

    @Test
    void aCustomerFillsInTheFormInRussianAndSeesTheNumberOfTheirRequest() {
        String unique = TestStaff.unique();
        String email = "browser-" + unique + "@client.example";
        page.navigate("/support/new");
        long shownAt = System.currentTimeMillis();
        assertThat(page.locator("h1")).hasText("Напишите в поддержку");

        page.getByLabel("Ваше имя").fill("Мария Кузнецова");
        page.getByLabel("Электронная почта").fill("не почта");
        page.getByLabel("Тема").fill("Не загружается отчёт " + unique);
        page.getByLabel("Описание").fill("После обновления отчёт за месяц не открывается.\nОшибка 500.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Отправить")).click();

        assertThat(page.locator("#email-error")).hasText("Неверный адрес электронной почты.");
        assertThat(page.getByLabel("Тема")).hasValue("Не загружается отчёт " + unique);
        assertThat(page.getByLabel("Описание")).hasValue("После обновления отчёт за месяц не открывается.\nОшибка 500.");

        BrowserSession.screenshot(page, "webform-field-error");
        page.getByLabel("Электронная почта").fill(email);
        page.getByLabel("Файлы").setInputFiles(new FilePayload("ошибка.txt", "text/plain",
                "HTTP 500 в 10:42".getBytes(StandardCharsets.UTF_8)));
        waitUntilFilledFor(shownAt);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Отправить")).click();

        assertThat(page).hasURL(Pattern.compile("/support/thanks/[\\w-]{43}$"));
        assertThat(page.locator("h1")).hasText("Спасибо, обращение принято");
        CustomerId customer = customers.findByEmail(email).orElseThrow();
        TicketDetails ticket = tickets.details(tickets.find(TicketFilter.all().withRequester(customer),
                TicketSort.CREATED_DESC, 0, 1).items().getFirst().id());
        assertThat(page.locator("[data-testid=reference]")).hasText(ticket.reference());
        assertThat(page.locator("[data-testid=subject]")).hasText("Не загружается отчёт " + unique);
        assertThat(ticket.channel()).isEqualTo(Channel.WEB_FORM);
        assertThat(conversations.of(ticket.id()).getFirst().attachments()).extracting(a -> a.fileName())
                .containsExactly("ошибка.txt");

        assertThat(page.locator("[data-testid=promised-time]")).containsText("Мы ответим вам до");
        BrowserSession.screenshot(page, "webform-thanks");
    }

    @Test
    void theEmbedScriptShowsTheFormOnACompanySiteWhereItCanBeSent() throws Exception {
        String unique = TestStaff.unique();
        String email = "framed-" + unique + "@client.example";
        // The company's own site: another site than Otklik's (127.0.0.1, not localhost), served by a small server of
        // its own, with nothing but the pasted snippet.
        String html = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Shop</title></head><body>"
                + "<h1>Shop</h1><script src=\"" + baseUrl() + "/support/embed.js\" data-lang=\"en\"></script>"
                + "<p>Footer</p></body></html>";
        companySite = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        companySite.createContext("/contact", exchange -> {
            byte[] body = html.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        companySite.start();
        String site = "http://127.0.0.1:" + companySite.getAddress().getPort() + "/contact";
        page.navigate(site);

        FrameLocator form = page.frameLocator("iframe[data-otklik-webform]");
        assertThat(page.locator("iframe[data-otklik-webform]")).hasAttribute("title", "Support request form");
        assertThat(form.locator("h1")).hasText("Write to support");
        long shownAt = System.currentTimeMillis();
        form.getByLabel("Your name").fill("Alex Framed");
        form.getByLabel("Email").fill(email);
        form.getByLabel("Subject").fill("Sent from the shop " + unique);
        form.getByLabel("Description").fill("The order page is blank.");
        waitUntilFilledFor(shownAt);
        form.getByRole(AriaRole.BUTTON, new FrameLocator.GetByRoleOptions().setName("Send")).click();

        assertThat(form.locator("h1")).hasText("Thank you, your request is received");
        assertThat(form.locator("[data-testid=reference]")).hasText(Pattern.compile("^OTK-\\d+$"));
        assertThat(page).hasURL(site);
        Frame frame = page.frames().stream().filter(f -> f.url().contains("/support/thanks/")).findFirst().orElseThrow();
        assertThat(frame.url()).endsWith("?embed=1&lang=en");
        assertThat(customers.findByEmail(email)).isPresent();
        // The frame takes the height of what it shows, reported from inside: the short thank-you page, no more.
        page.waitForCondition(() -> {
            double frameHeight = ((Number) page.locator("iframe[data-otklik-webform]")
                    .evaluate("f => f.getBoundingClientRect().height")).doubleValue();
            double shownHeight = ((Number) frame.evaluate("() => document.body.getBoundingClientRect().height"))
                    .doubleValue();
            return Math.abs(frameHeight - shownHeight) <= 2;
        });
        BrowserSession.screenshot(page, "webform-embedded");
    }

    /** A person takes a moment to fill in a form; the form turns away what comes sooner. */
    private static void waitUntilFilledFor(long shownAt) {
        long left = FILL_TIME_MS + 300 - (System.currentTimeMillis() - shownAt);
        if (left > 0) {
            try {
                Thread.sleep(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private String baseUrl() {
        return "http://localhost:" + port;
    }
}
