package nl.adempauze.localstack;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}, which {@code .ci/run} installs)
 * on the local stack's web app, signed in as one demo user. Waits are Selenium's explicit waits on what the page
 * shows, never sleeps; every test saves screenshots under {@code target/screenshots/} for review.
 */
final class Browser implements AutoCloseable {

    private static final String CHROMIUM = setting("CHROMIUM_BINARY", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = setting("CHROMEDRIVER", "/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final ChromeDriver driver;
    private final String baseUrl;

    private Browser(String baseUrl) {
        this.baseUrl = baseUrl;
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        // as root, on a machine whose network is closed: no sandbox, no calls home (see ENVIRONMENT.md)
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1366,900", "--lang=nl-NL");
        // the console (script errors, failed fetches) is read back when a wait times out
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
    }

    /** Opens the web app and signs in as this demo user (password 'demo'), as a person would. */
    static Browser signedInAs(String baseUrl, String user) {
        return opened(baseUrl, List.of()).signIn(user);
    }

    /**
     * A browser in which calls to these URL patterns ('*' any text) fail as a lost connection would, until
     * {@link #unblock}: the same as {@link #signedInAs} otherwise.
     */
    static Browser signedInBlocking(String baseUrl, String user, String... urlPatterns) {
        return opened(baseUrl, List.of(urlPatterns)).signIn(user);
    }

    private static Browser opened(String baseUrl, List<String> blocked) {
        requireChromium();
        Browser browser = new Browser(baseUrl);
        try {
            if (!blocked.isEmpty()) {
                browser.driver.executeCdpCommand("Network.enable", Map.of());
                browser.driver.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", blocked));
            }
            browser.driver.get(baseUrl + "/");
            return browser;
        } catch (RuntimeException e) {
            browser.close();
            throw e;
        }
    }

    private Browser signIn(String user) {
        try {
            waitFor(d -> d.findElement(By.id("signin-user")).isDisplayed());
            driver.findElement(By.id("signin-user")).sendKeys(user);
            driver.findElement(By.id("signin-password")).sendKeys("demo");
            driver.findElement(By.cssSelector("[data-test=sign-in]")).click();
            waitFor(d -> !d.findElements(By.cssSelector("[data-test=sign-out]")).isEmpty());
            return this;
        } catch (RuntimeException | AssertionError e) {
            close();
            throw e;
        }
    }

    /** Calls blocked since the start go through again. */
    void unblock() {
        driver.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of()));
    }

    static void requireChromium() {
        if (!new File(CHROMIUM).canExecute() || !new File(CHROMEDRIVER).canExecute()) {
            throw new IllegalStateException("The browser tests need Debian's chromium and chromium-driver ("
                    + CHROMIUM + ", " + CHROMEDRIVER + "): apt-get install chromium chromium-driver, as .ci/run "
                    + "does; or set CHROMIUM_BINARY and CHROMEDRIVER");
        }
    }

    WebDriver driver() {
        return driver;
    }

    String baseUrl() {
        return baseUrl;
    }

    /** Marks this page load, so a test can show that what it saw came without a reload. */
    void markPageLoad() {
        ((JavascriptExecutor) driver).executeScript("window.adempauzeSamePage = true;");
    }

    boolean stillSamePage() {
        return Boolean.TRUE.equals(((JavascriptExecutor) driver).executeScript("return window.adempauzeSamePage === true;"));
    }

    <T> T waitFor(Function<WebDriver, T> condition) {
        return waitFor(Duration.ofSeconds(30), condition);
    }

    <T> T waitFor(Duration atMost, Function<WebDriver, T> condition) {
        try {
            // the page redraws what the live stream changes: an element found a moment ago may be replaced
            return new WebDriverWait(driver, atMost, Duration.ofMillis(100))
                    .ignoring(StaleElementReferenceException.class).until(condition::apply);
        } catch (TimeoutException timeout) {
            throw new AssertionError(whatThePageShows(), timeout);
        }
    }

    /** What a person would have seen when a wait ran out, and what the page logged: a failure must explain itself. */
    private String whatThePageShows() {
        StringBuilder seen = new StringBuilder("The page did not get there. At ").append(driver.getCurrentUrl());
        try {
            seen.append(", screenshot ").append(screenshot("timed-out-" + System.currentTimeMillis()));
            String text = driver.findElement(By.tagName("body")).getText();
            seen.append("\n--- page text ---\n").append(text, 0, Math.min(text.length(), 4000));
            seen.append("\n--- browser console ---");
            for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
                seen.append('\n').append(entry);
            }
        } catch (RuntimeException unreadable) {
            seen.append("\n(could not read more of the page: ").append(unreadable).append(')');
        }
        return seen.toString();
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** Clicks what {@code css} finds, once it is there (again, if the page redrew it in between). */
    void click(String css) {
        waitFor(d -> {
            d.findElement(By.cssSelector(css)).click();
            return true;
        });
    }

    /**
     * Puts a date in a date field. Typed keys would follow the browser's locale (day or month first), so the
     * value is set as the picker sets it, with the input event the page listens to.
     */
    void fillDate(String css, java.time.LocalDate date) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];"
                + "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
                + "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", find(css), date.toString());
    }

    /**
     * Clicks what {@code css} finds until {@code done} holds, as a person clicks again when nothing happened: on a
     * live page a redraw (an offer arriving above) can move the element between the moment the browser aims and the
     * moment it clicks, and that click lands beside it without an error.
     */
    <T> T clickUntil(String css, Function<WebDriver, T> done) {
        return waitFor(d -> {
            List<WebElement> targets = d.findElements(By.cssSelector(css));
            if (!targets.isEmpty()) {
                targets.get(0).click();
            }
            try {
                return new WebDriverWait(d, Duration.ofSeconds(5), Duration.ofMillis(100))
                        .ignoring(StaleElementReferenceException.class).until(done::apply);
            } catch (TimeoutException notYet) {
                return null;
            }
        });
    }

    /** The text of what {@code css} finds, once it is there. */
    String text(String css) {
        return waitFor(d -> d.findElement(By.cssSelector(css)).getText());
    }

    /** The text of what {@code css} finds, once it is there and not empty (a place filled by an answer). */
    String filledText(String css) {
        return waitFor(d -> {
            String text = d.findElement(By.cssSelector(css)).getText();
            return text.isBlank() ? null : text;
        });
    }

    /**
     * The text content of what {@code css} finds, once it is there, hidden or not (e.g. in a closed {@code details});
     * read again when the page re-rendered it meanwhile.
     */
    String textContent(String css) {
        return waitFor(d -> d.findElement(By.cssSelector(css)).getDomProperty("textContent"));
    }

    /** The first element matching {@code css}, once it is there. */
    WebElement await(String css) {
        return waitFor(d -> d.findElements(By.cssSelector(css)).stream().findFirst().orElse(null));
    }

    /** Saves what the browser shows now as target/screenshots/{name}.png. */
    Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new IllegalStateException("Could not save screenshot " + name, e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }

    private static String setting(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? System.getProperty(name, fallback) : value;
    }
}
