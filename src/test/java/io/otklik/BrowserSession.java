package io.otklik;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

/**
 * Headless Chromium for browser tests, driven by Playwright. It uses the system's Chromium (Debian's package, the
 * same CI installs) and never downloads a browser; without Chromium the tests fail rather than skip, so a build
 * machine missing it is noticed. Each test takes a fresh context (own cookies, own session); close the session
 * after the test class so neither Chromium nor Playwright's driver outlives it.
 */
public final class BrowserSession implements AutoCloseable {

    /** Where Debian's {@code apt-get install chromium} puts it; {@code OTKLIK_TEST_CHROMIUM} names another. */
    static final Path DEFAULT_CHROMIUM = Paths.get("/usr/bin/chromium");
    static final Path SCREENSHOTS = Paths.get("target", "screenshots");
    public static final int WIDTH = 1360;
    public static final int HEIGHT = 900;

    private static final List<String> ARGS = List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync");

    private final Playwright playwright;
    private final Browser browser;

    private BrowserSession(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    /** Starts Chromium; fails with instructions when it is not installed. */
    public static BrowserSession launch() {
        Path chromium = chromium();
        if (!Files.isExecutable(chromium)) {
            throw new AssertionError("Browser tests need Chromium at " + chromium + " and it is not there. "
                    + "Install it with `apt-get install -y chromium` (as CI does), or point OTKLIK_TEST_CHROMIUM "
                    + "at a Chromium binary. Playwright is told not to download a browser of its own.");
        }
        Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        try {
            Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(chromium)
                    .setHeadless(true)
                    .setArgs(ARGS));
            return new BrowserSession(playwright, browser);
        } catch (RuntimeException e) {
            playwright.close();
            throw e;
        }
    }

    private static Path chromium() {
        String configured = System.getenv("OTKLIK_TEST_CHROMIUM");
        return configured == null || configured.isBlank() ? DEFAULT_CHROMIUM : Paths.get(configured);
    }

    /**
     * A fresh browser profile on the application at {@code baseUrl} (relative navigations resolve against it),
     * with a desktop-sized window and the given preferred language ("ru-RU", "en-US").
     */
    public BrowserContext newContext(String baseUrl, String locale) {
        return newContext(baseUrl, locale, "Europe/Moscow");
    }

    /** The same, in a browser whose clock shows the time of {@code timeZone} ("Asia/Vladivostok"). */
    public BrowserContext newContext(String baseUrl, String locale, String timeZone) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setBaseURL(baseUrl)
                .setViewportSize(WIDTH, HEIGHT)
                .setLocale(locale)
                .setTimezoneId(timeZone));
        context.setDefaultTimeout(10_000);
        return context;
    }

    /** Saves a full-page screenshot as a build artefact under {@code target/screenshots}. */
    /** Signs a staff member in on the page (test password), as they would at the sign-in form. */
    public static void signIn(Page page, String login) {
        page.navigate("/login");
        page.locator("#username").fill(login);
        page.locator("#password").fill(TestStaff.PASSWORD);
        page.locator("form button[type=submit]").click();
    }

    public static Path screenshot(Page page, String name) {
        Path file = SCREENSHOTS.resolve(name + ".png");
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
        return file;
    }

    @Override
    public void close() {
        try {
            browser.close();
        } finally {
            playwright.close();
        }
    }
}
