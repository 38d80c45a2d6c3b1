package io.switchboard.browser;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.stream.Collectors;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.switchboard.platform.testing.TestPlatform;

/**
 * The machine's real Chromium (/usr/bin/chromium, headless) driven through its chromedriver; one
 * browser profile per signed-in person, thrown away afterwards. Signs in on Keycloak's own login
 * page as a demo user of the test platform.
 */
public final class Browser implements AutoCloseable {

    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final Duration SHORT = Duration.ofSeconds(20);
    /** Set on the page by {@link #markPage()}; a reload or a navigation away loses it. */
    private static final String PAGE_MARK = "__switchboardPageMark";

    private final ChromeDriver driver;
    private final Path profile;
    private final String gateway;
    /** Quits a browser still open when the JVM ends (a test that lost track of it, an interrupted run). */
    private final Thread quitAtExit;

    /** A fresh browser for the gateway at this base URL (e.g. {@code http://localhost:18080}). */
    public Browser(String gateway) {
        this.gateway = gateway;
        try {
            profile = Files.createTempDirectory("switchboard-chromium-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,900", "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        quitAtExit = new Thread(driver::quit, "browser-quit");
        Runtime.getRuntime().addShutdownHook(quitAtExit);
    }

    public WebDriver driver() {
        return driver;
    }

    public void open(String path) {
        driver.get(gateway + path);
    }

    /** Signs in through Keycloak's real login page (where the gateway redirects) and waits for the app. */
    public Browser signIn(String username) {
        open("/");
        waitFor(d -> d.getCurrentUrl().contains("/realms/switchboard/") ? true : null, SHORT);
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(TestPlatform.get().secrets().demoUserPassword());
        driver.findElement(By.id("kc-login")).click();
        waitFor(d -> d.getCurrentUrl().startsWith(gateway) ? true : null, SHORT);
        element(By.cssSelector("header.top .me"));
        return this;
    }

    /** The first element found, once it is displayed (waits up to 20 s). */
    public WebElement element(By by) {
        return waitFor(d -> {
            List<WebElement> found = d.findElements(by);
            return found.isEmpty() || !found.get(0).isDisplayed() ? null : found.get(0);
        }, SHORT);
    }

    /** Waits until {@code condition} gives something other than null or false, polling every 100 ms. */
    public <T> T waitFor(Function<WebDriver, T> condition, Duration timeout) {
        return new WebDriverWait(driver, timeout, Duration.ofMillis(100)).until(condition::apply);
    }

    public Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    public void windowSize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    /** Drops every cookie of the browser: the session is gone, as if it had expired. */
    public void dropCookies() {
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
    }

    /** Marks the page now shown, so that {@link #stillSamePage()} can tell a live update from a reload. */
    public void markPage() {
        script("window[arguments[0]] = true;", PAGE_MARK);
    }

    /** Whether the page marked by {@link #markPage()} is still the one shown (no reload, no navigation away). */
    public boolean stillSamePage() {
        return Boolean.TRUE.equals(script("return window[arguments[0]] === true;", PAGE_MARK));
    }

    /** Whether a JavaScript dialog (alert, confirm, prompt) is open. */
    public boolean dialogOpen() {
        try {
            driver.switchTo().alert();
            return true;
        } catch (NoAlertPresentException e) {
            return false;
        }
    }

    /** Console warnings and errors since the last call, Content-Security-Policy and Trusted Types violations included. */
    public List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.WARNING.intValue())
                .map(LogEntry::getMessage)
                .toList();
    }

    /** The console messages since the last call that report a Content-Security-Policy or Trusted Types violation. */
    public List<String> securityViolations() {
        return consoleErrors().stream()
                .filter(m -> m.contains("Content Security Policy") || m.contains("TrustedHTML") || m.contains("Trusted Type"))
                .toList();
    }

    /**
     * How many elements inside {@code container} (a CSS selector) could run script or fetch something:
     * script, img, iframe, object, embed, svg, link, an inline event handler, a javascript: link. The
     * app renders customer text as text nodes only, so there should be none.
     */
    public long activeElementsIn(String container) {
        String selector = List.of("script", "img", "iframe", "object", "embed", "svg", "link", "[onerror]", "[onload]",
                "a[href^=\"javascript\"]").stream().map(s -> container + " " + s).collect(Collectors.joining(", "));
        return (Long) script("return document.querySelectorAll(arguments[0]).length;", selector);
    }

    /** Saves what the browser shows now as a PNG file (its folder is created). */
    public void screenshot(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            File shot = driver.getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the screenshot " + file, e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
            Runtime.getRuntime().removeShutdownHook(quitAtExit);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is ending: the hook quits it
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            } catch (IOException e) {
                // a temp dir left behind is harmless
            }
        }
    }
}
