package io.otklik.sla.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.regex.Pattern;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import io.otklik.BrowserSession;
import io.otklik.PostgresTest;
import io.otklik.TestStaff;
import io.otklik.agent.AgentDirectory;
import io.otklik.identity.Role;
import io.otklik.sla.SlaPolicyAdministration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A supervisor tries a new policy on past tickets from its form in the browser: the form's fields go with the trial
 * (a mistake in them is told in the trial's region), Enter in the days field tries rather than saves, and nothing is
 * saved.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class PolicyDryRunBrowserTests extends PostgresTest {

    private static BrowserSession browser;

    @LocalServerPort int port;
    @Autowired AgentDirectory agents;
    @Autowired SlaPolicyAdministration administration;

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
    void aSupervisorTriesAnUnsavedPolicyOnPastTickets() {
        int policies = TestStaff.asAdmin(() -> administration.policies()).size();
        String supervisor = TestStaff.add(agents, Role.SUPERVISOR);
        context = browser.newContext("http://127.0.0.1:" + port, "ru-RU");
        Page page = context.newPage();
        BrowserSession.signIn(page, supervisor);
        assertThat(page).hasURL(Pattern.compile("/queues/mine$"));

        page.navigate("/admin/sla-policies/new");
        Locator critical = page.locator("[data-testid=priority-targets][data-priority=CRITICAL]");
        critical.locator("[data-kind=FIRST_RESPONSE]").fill("полчаса");
        page.locator("[data-testid=dry-run-button]").click();
        assertThat(page.locator("[data-testid=dry-run-problems]"))
                .containsText("«полчаса» — не срок: пишите минуты (90) или часы и минуты (1:30).");

        critical.locator("[data-kind=FIRST_RESPONSE]").fill("0:10");
        page.locator("[data-testid=dry-run-days]").fill("7");
        page.locator("[data-testid=dry-run-days]").press("Enter");
        assertThat(page.locator("[data-testid=dry-run-summary]")).containsText("за последние 7 дн.");
        assertThat(page.locator("[data-testid=dry-run-result]")).containsText("политика не сохранена");
        assertThat(page).hasURL(Pattern.compile("/admin/sla-policies/new$"));
        assertThat(critical.locator("[data-kind=FIRST_RESPONSE]")).hasValue("0:10");
        BrowserSession.screenshot(page, "sla-policy-dry-run");

        org.assertj.core.api.Assertions.assertThat(TestStaff.asAdmin(() -> administration.policies()))
                .hasSize(policies);
    }
}
