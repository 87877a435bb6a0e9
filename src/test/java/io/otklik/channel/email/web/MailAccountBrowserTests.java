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
import io.otklik.channel.email.SandboxMailServer;
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
 * An administrator adds a mailbox in the browser: from the administration home to the form, "Test connection"
 * answering in place (first a wrong password, then the right one, with IDLE), saving, and testing from the list.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class MailAccountBrowserTests extends PostgresTest {

    private static BrowserSession browser;

    @LocalServerPort int port;
    @Autowired AgentDirectory agents;
    @Autowired SandboxMailServer sandbox;

    private BrowserContext context;

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
    void closeWindow() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void anAdministratorTestsAndSavesAMailboxAndTestsItAgainFromTheList() {
        String admin = TestStaff.add(agents, Role.ADMIN);
        context = browser.newContext("http://127.0.0.1:" + port, "ru-RU");
        Page page = context.newPage();
        BrowserSession.signIn(page, admin);
        assertThat(page).hasURL(Pattern.compile("/queues/mine$"));

        page.navigate("/admin");
        page.locator("[data-screen=mail-accounts] h2 a").click();
        assertThat(page).hasURL(Pattern.compile("/admin/mail-accounts$"));
        page.locator("[data-testid=add]").click();

        String name = "Ящик песочницы " + TestStaff.unique();
        page.locator("#name").fill(name);
        page.locator("#address").fill(sandbox.mailbox());
        page.locator("#host").fill(sandbox.host());
        page.locator("#port").fill(String.valueOf(sandbox.imapPort()));
        page.locator("#security").selectOption("NONE");
        page.locator("#username").fill(sandbox.mailbox());
        page.locator("#password").fill("не-тот-пароль");
        page.locator("[data-testid=test-button]").click();
        assertThat(page.locator("[data-testid=test-failed]"))
                .containsText("Сервер не принял имя пользователя или пароль.");

        page.locator("#password").fill(sandbox.mailboxPassword());
        page.locator("[data-testid=test-button]").click();
        assertThat(page.locator("[data-testid=test-ok]")).containsText("Сервер поддерживает IDLE");
        BrowserSession.screenshot(page, "mail-account-test");

        page.locator("form button[type=submit].primary").click();
        assertThat(page).hasURL(Pattern.compile("/admin/mail-accounts$"));
        assertThat(page.locator("[data-testid=saved]"))
                .containsText("Ящик «" + name + "» сохранён.");
        Locator row = page.locator("[data-testid=mail-account]").filter(new Locator.FilterOptions().setHasText(name));
        row.locator("[data-testid=check]").click();
        assertThat(row.locator("[data-testid=test-ok]")).containsText("Связь есть");
        BrowserSession.screenshot(page, "mail-accounts");
    }
}
