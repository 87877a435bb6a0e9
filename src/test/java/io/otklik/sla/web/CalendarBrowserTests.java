package io.otklik.sla.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;

import io.otklik.BrowserSession;
import io.otklik.PostgresTest;
import io.otklik.TestStaff;
import io.otklik.agent.AgentDirectory;
import io.otklik.identity.Role;
import io.otklik.sla.CalendarAdministration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An administrator sets up a calendar in the browser: from the administration home to the form (a mistake first),
 * a working Saturday, holidays from an iCalendar file, and the preview answering in place.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class CalendarBrowserTests extends PostgresTest {

    private static BrowserSession browser;

    @LocalServerPort int port;
    @Autowired AgentDirectory agents;
    @Autowired CalendarAdministration administration;

    private BrowserContext context;
    private final String mark = TestStaff.unique();

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
    void closeWindowAndRemoveCalendars() {
        if (context != null) {
            context.close();
        }
        TestStaff.asAdmin(() -> {
            administration.calendars().stream().filter(c -> c.name().contains(mark))
                    .forEach(c -> administration.delete(c.id()));
            return null;
        });
    }

    @Test
    void anAdministratorSetsUpACalendarAndPreviewsItsWorkingTime() {
        String admin = TestStaff.add(agents, Role.ADMIN);
        context = browser.newContext("http://127.0.0.1:" + port, "ru-RU");
        Page page = context.newPage();
        BrowserSession.signIn(page, admin);
        assertThat(page).hasURL(Pattern.compile("/queues/mine$"));

        page.navigate("/admin");
        page.locator("[data-screen=calendars] h2 a").click();
        assertThat(page).hasURL(Pattern.compile("/admin/calendars$"));
        page.locator("[data-testid=add]").click();

        String name = "Екатеринбург " + mark;
        page.locator("#name").fill(name);
        page.locator("#zone").selectOption("Asia/Yekaterinburg");
        page.locator("#country").selectOption("");
        page.locator("input[name='hours[0]']").fill("09:00-13:00, 12:00-18:00");
        page.locator("[data-testid=save]").click();
        assertThat(page.locator("#hours-0-error")).hasText("Интервалы 09:00-13:00 и 12:00-18:00 пересекаются.");
        BrowserSession.screenshot(page, "calendar-error");

        page.locator("input[name='hours[0]']").fill("14:00-18:00, 09:00-13:00");
        page.locator("[data-testid=save]").click();
        assertThat(page).hasURL(Pattern.compile("/admin/calendars/\\d+$"));
        assertThat(page.locator("[data-testid=saved]")).hasText("Календарь «" + name + "» сохранён.");
        assertThat(page.locator("input[name='hours[0]']")).hasValue("09:00-13:00, 14:00-18:00");

        page.locator("#date").fill("2026-11-28");
        page.locator("#kind").selectOption("WORKING");
        page.locator("#hours").fill("10:00-15:00");
        page.locator("#note").fill("Рабочая суббота");
        page.locator("[data-testid=add-day]").click();
        assertThat(page.locator("[data-testid=day-added]")).hasText("Дата 28.11.2026 добавлена.");

        page.locator("[data-testid=import-form] input[type=file]").setInputFiles(new FilePayload("office.ics",
                "text/calendar", ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Otklik tests//Browser//RU\r\n"
                        + "BEGIN:VEVENT\r\nUID:office-day@otklik.test\r\nDTSTART;VALUE=DATE:20261127\r\n"
                        + "SUMMARY:День офиса\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n").getBytes(StandardCharsets.UTF_8)));
        page.locator("[data-testid=import-button]").click();
        assertThat(page.locator("[data-testid=imported]"))
                .hasText("Добавлено выходных: 1; пропущено (дата уже есть в календаре): 0.");
        assertThat(page.locator("[data-testid=day]")).hasCount(2);

        String calendarUrl = page.url();
        Locator preview = page.locator("[data-testid=preview]");
        // Thursday 26 Nov 17:00 → Monday 30 Nov 10:00 (Yekaterinburg): 1 h Thursday, Friday off, 5 h Saturday,
        // 1 h Monday
        preview.locator("input[name=from]").fill("2026-11-26T17:00");
        preview.locator("input[name=to]").fill("2026-11-30T10:00");
        preview.locator("input[name=start]").fill("2026-11-26T17:30");
        preview.locator("input[name=minutes]").fill("60");
        preview.locator("input[name=month]").fill("2026-11");
        preview.locator("[data-testid=preview-button]").click();
        assertThat(page.locator("[data-testid=between]")).hasText("Рабочего времени между ними: 7 ч 0 мин");
        assertThat(page.locator("[data-testid=plus]")).hasText("+ 60 рабочих мин = сб 28.11.2026 10:30 (UTC+05:00)");
        assertThat(page.locator("[data-testid=month-day][data-date='2026-11-27'] td").last())
                .hasText("Свой выходной: День офиса");
        assertThat(page).hasURL(calendarUrl);
        BrowserSession.screenshot(page, "calendar");
    }
}
