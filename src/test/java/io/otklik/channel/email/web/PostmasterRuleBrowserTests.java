package io.otklik.channel.email.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.regex.Pattern;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import io.otklik.BrowserSession;
import io.otklik.PostgresTest;
import io.otklik.TestStaff;
import io.otklik.agent.AgentDirectory;
import io.otklik.channel.email.PostmasterRuleAdministration;
import io.otklik.identity.Role;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An administrator writes a postmaster rule in the browser, from the administration home to the form (a mistake
 * first), and tries it on a pasted mail: the result appears in place.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class PostmasterRuleBrowserTests extends PostgresTest {

    private static BrowserSession browser;

    @LocalServerPort int port;
    @Autowired AgentDirectory agents;
    @Autowired PostmasterRuleAdministration administration;

    private BrowserContext context;
    private final String mark = "pm" + TestStaff.unique();

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

    @AfterEach
    void closeWindowAndRemoveRules() {
        if (context != null) {
            context.close();
        }
        TestStaff.asAdmin(() -> {
            administration.rules().stream().filter(rule -> rule.name().contains(mark))
                    .forEach(rule -> administration.delete(rule.id()));
            return null;
        });
    }

    @Test
    void anAdministratorWritesARuleAndTriesItOnAMail() {
        String admin = TestStaff.add(agents, Role.ADMIN);
        context = browser.newContext("http://127.0.0.1:" + port, "ru-RU");
        Page page = context.newPage();
        BrowserSession.signIn(page, admin);
        assertThat(page).hasURL(Pattern.compile("/queues/mine$"));

        page.navigate("/admin");
        page.locator("[data-screen=postmaster-rules] h2 a").click();
        assertThat(page).hasURL(Pattern.compile("/admin/postmaster-rules$"));
        page.locator("[data-testid=add]").click();

        String name = "Рассылки " + mark;
        page.locator("#name").fill(name);
        Locator first = page.locator("[data-testid=condition-row]").nth(0);
        first.locator("select[name$='.field']").selectOption("HEADER");
        first.locator("input[name$='.header']").fill("List-Id");
        first.locator("select[name$='.operator']").selectOption("MATCHES");
        first.locator("input[name$='.value']").fill("news(");
        Locator second = page.locator("[data-testid=condition-row]").nth(1);
        second.locator("input[name$='.value']").fill(mark);
        page.locator("#tags").fill("Рассылка, без ответа");
        page.locator("#priority").selectOption("LOW");
        page.locator("[data-testid=save]").click();
        assertThat(page.locator("#condition-0-value-error"))
                .hasText("Регулярное выражение с ошибкой в позиции 6: Unclosed group.");
        BrowserSession.screenshot(page, "postmaster-rule-error");

        page.locator("[data-testid=condition-row]").nth(0).locator("input[name$='.value']").fill("news\\.");
        page.locator("[data-testid=save]").click();
        assertThat(page).hasURL(Pattern.compile("/admin/postmaster-rules$"));
        assertThat(page.locator("[data-testid=saved]")).hasText("Правило «" + name + "» сохранено.");
        Locator row = page.locator("[data-testid=rule]").filter(new Locator.FilterOptions().setHasText(name));
        assertThat(row.locator("[data-testid=then]")).hasText("Метка «рассылка»; Метка «без-ответа»; Приоритет: Низкий");

        page.locator("#mail").fill("From: news@shop.example\nList-Id: <News.shop.example>\nSubject: Скидки " + mark
                + "\n\nТолько сегодня!\n");
        page.locator("[data-testid=test-button]").click();
        assertThat(page.locator("[data-testid=decision]")).containsText("метки: рассылка, без-ответа");
        assertThat(page.locator("[data-testid=decision]")).containsText("приоритет: Низкий");
        assertThat(page).hasURL(Pattern.compile("/admin/postmaster-rules$"));
        BrowserSession.screenshot(page, "postmaster-rules");
    }
}
