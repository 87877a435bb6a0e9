package io.otklik.sla.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import io.otklik.BrowserSession;
import io.otklik.PostgresTest;
import io.otklik.TestStaff;
import io.otklik.agent.AgentDirectory;
import io.otklik.customer.CustomerSegments;
import io.otklik.identity.Role;
import io.otklik.sla.BusinessCalendars;
import io.otklik.sla.PolicyConditions;
import io.otklik.sla.PolicyDetails;
import io.otklik.sla.PolicyTargets;
import io.otklik.sla.SlaPolicies;
import io.otklik.sla.SlaPolicyAdministration;
import io.otklik.sla.SlaSubject;
import io.otklik.ticket.Channel;
import io.otklik.ticket.Priority;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An administrator adds a policy for VIP customers in the browser — from the administration home, through a mistake
 * in the first-answer cap — and moves it above another policy, so that VIP customers' tickets get it first.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SlaPolicyBrowserTests extends PostgresTest {

    private static final String VIP = "VIP";

    private static BrowserSession browser;

    @LocalServerPort int port;
    @Autowired AgentDirectory agents;
    @Autowired SlaPolicyAdministration administration;
    @Autowired SlaPolicies policies;
    @Autowired BusinessCalendars calendars;
    @Autowired CustomerSegments segments;

    private BrowserContext context;
    private final String mark = TestStaff.unique();
    private boolean madeVip;

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
    void closeWindowAndRemovePolicies() {
        if (context != null) {
            context.close();
        }
        TestStaff.asAdmin(() -> {
            administration.policies().stream().filter(p -> p.name().contains(mark))
                    .forEach(p -> administration.delete(p.id()));
            if (madeVip) {
                segments.delete(VIP);
            }
            return null;
        });
    }

    @Test
    void anAdministratorAddsAPolicyForVipCustomersAndMovesItUp() {
        TestStaff.asAdmin(() -> {
            if (segments.segments().stream().noneMatch(s -> s.name().equalsIgnoreCase(VIP))) {
                segments.create(VIP);
                madeVip = true;
            }
            Map<Priority, PolicyTargets> targets = new EnumMap<>(Priority.class);
            targets.put(Priority.LOW, new PolicyTargets(Duration.ofHours(4), null, null, Duration.ofHours(16)));
            return administration.create(new PolicyDetails("Низкий приоритет " + mark, true,
                    new PolicyConditions(Set.of(Priority.LOW), Set.of(), Set.of(), Set.of(), Set.of(), Set.of()),
                    calendars.standardId(), targets, PolicyDetails.PAUSABLE, Duration.ofHours(24)));
        });
        String admin = TestStaff.add(agents, Role.ADMIN);
        context = browser.newContext("http://127.0.0.1:" + port, "ru-RU");
        Page page = context.newPage();
        BrowserSession.signIn(page, admin);
        assertThat(page).hasURL(Pattern.compile("/queues/mine$"));

        page.navigate("/admin");
        page.locator("[data-screen=sla-policies] h2 a").click();
        assertThat(page).hasURL(Pattern.compile("/admin/sla-policies$"));
        page.locator("[data-testid=add]").click();

        String name = "VIP-клиенты " + mark;
        page.locator("#name").fill(name);
        page.locator("#segments").selectOption(VIP);
        Locator critical = page.locator("[data-testid=priority-targets][data-priority=CRITICAL]");
        critical.locator("[data-kind=FIRST_RESPONSE]").fill("15");
        critical.locator("[data-kind=RESOLUTION]").fill("1:30");
        page.locator("#firstResponseCap").fill("36:00");
        page.locator("[data-testid=save]").click();
        assertThat(page.locator("#firstResponseCap-error"))
                .hasText("Первый ответ — не позже чем через 24 ч после обращения, при любой политике.");
        assertThat(critical.locator("[data-kind=FIRST_RESPONSE]")).hasValue("15");
        BrowserSession.screenshot(page, "sla-policy-error");

        page.locator("#firstResponseCap").fill("4:00");
        page.locator("[data-testid=save]").click();
        assertThat(page).hasURL(Pattern.compile("/admin/sla-policies$"));
        assertThat(page.locator("[data-testid=saved]")).hasText("Политика «" + name + "» сохранена.");
        Locator vipRow = page.locator("[data-testid=policy]").filter(new Locator.FilterOptions().setHasText(name));
        assertThat(vipRow.locator("[data-testid=conditions]")).hasText("Сегмент: " + VIP);
        assertThat(vipRow.locator("[data-testid=targets] [data-priority=CRITICAL]"))
                .hasText("Критический: 0:15 / 1:30");

        // A VIP customer's low-priority ticket: the older policy comes first, until the new one is moved above it
        SlaSubject vipLow = new SlaSubject(Priority.LOW, null, null, Set.of(VIP), Channel.EMAIL, null);
        org.assertj.core.api.Assertions.assertThat(policies.applicableTo(vipLow).name())
                .isEqualTo("Низкий приоритет " + mark);
        assertThat(page.locator("[data-testid=policy] [data-testid=name]").filter(
                new Locator.FilterOptions().setHasText(mark))).hasText(new String[] {"Низкий приоритет " + mark,
                name});

        vipRow.locator("[data-testid=up]").click();
        assertThat(page.locator("[data-testid=moved]")).hasText("Политика «" + name + "» перемещена.");
        assertThat(page.locator("[data-testid=policy] [data-testid=name]").filter(
                new Locator.FilterOptions().setHasText(mark))).hasText(new String[] {name,
                "Низкий приоритет " + mark});
        assertThat(page.locator("[data-testid=policy]").last().locator("[data-testid=name]")).hasText("Стандартный");
        org.assertj.core.api.Assertions.assertThat(policies.applicableTo(vipLow).name()).isEqualTo(name);
        BrowserSession.screenshot(page, "sla-policies");
    }
}
