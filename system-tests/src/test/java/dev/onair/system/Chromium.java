package dev.onair.system;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Debian's Chromium, headless, driven by Debian's chromedriver through Selenium: a new empty
 * profile per instance (so every instance is a different browser: its own cookies), the flags
 * this machine's closed network needs, a language, and a screenshot of every page a test visits
 * under {@code target/screenshots/<test>/}.
 */
public final class Chromium implements AutoCloseable {

    private static final Path SCREENSHOTS = Path.of(System.getProperty("onair.it.screenshots", "target/screenshots"));

    private final ChromeDriver driver;
    private final Path profile;
    private final Path shots;
    private final String name;
    private final AtomicInteger shot = new AtomicInteger();

    private Chromium(String test, String name, String language, Dimension window, boolean phone) {
        this.name = name;
        try {
            profile = Files.createTempDirectory("onair-chromium-");
            shots = Files.createDirectories(SCREENSHOTS.resolve(test));
            // an earlier run's shots of this browser would mix with this run's
            try (Stream<Path> earlier = Files.list(shots)) {
                for (Path file : earlier.filter(f -> f.getFileName().toString().matches("\\d+-" + Pattern.quote(name) + "-.*\\.png")).toList()) {
                    Files.delete(file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--lang=" + language,
                "--window-size=" + window.getWidth() + "," + window.getHeight());
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        if (phone) {
            // a desktop window cannot be narrower than 500 pixels: emulate the phone's screen instead
            driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of(
                    "width", window.getWidth(), "height", window.getHeight(), "deviceScaleFactor", 2, "mobile", true));
        }
    }

    /** A desktop-sized browser that prefers Korean. */
    public static Chromium korean(String test, String name) {
        return new Chromium(test, name, "ko-KR", new Dimension(1366, 900), false);
    }

    public static Chromium english(String test, String name) {
        return new Chromium(test, name, "en-US", new Dimension(1366, 900), false);
    }

    /** A phone's screen: 390 by 844 CSS pixels at twice the density, mobile viewport rules. */
    public static Chromium phone(String test, String name) {
        return new Chromium(test, name, "ko-KR", new Dimension(390, 844), true);
    }

    public WebDriver driver() {
        return driver;
    }

    /** Opens a path on OnAir and waits for its scripts to have drawn the header. */
    public Chromium open(String path) {
        return openAt(OnAirServer.get().http(path).toString());
    }

    /** Opens a page of an OnAir at any address (another server than the shared test server). */
    public Chromium openAt(String url) {
        driver.get(url);
        awaitShell();
        return this;
    }

    /** The page's module has drawn the account corner (sign-in button or the signed-in person). */
    public void awaitShell() {
        until(d -> !d.findElements(By.cssSelector("#account > *")).isEmpty(), Duration.ofSeconds(20));
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** Waits for a visible element. */
    public WebElement visible(String css, Duration timeout) {
        return until(d -> d.findElements(By.cssSelector(css)).stream().filter(WebElement::isDisplayed).findFirst().orElse(null), timeout);
    }

    /** Waits for a condition; a timeout names the page the browser was on and its console. */
    public <T> T until(ExpectedCondition<T> condition, Duration timeout) {
        try {
            // a page that re-renders replaces elements between finding and reading them: look again
            return new WebDriverWait(driver, timeout, Duration.ofMillis(200))
                    .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(condition);
        } catch (TimeoutException e) {
            screenshot("timed-out");
            throw new TimeoutException("waited " + timeout + " on " + driver.getCurrentUrl() + "; console:\n" + console(), e);
        }
    }

    @SuppressWarnings("unchecked")
    public <T> T script(String script, Object... arguments) {
        return (T) ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    /** Saves the whole page (up to 4000 pixels down) as target/screenshots/&lt;test&gt;/&lt;n&gt;-&lt;browser&gt;-&lt;what&gt;.png. */
    public Path screenshot(String what) {
        // from the top, so that the sticky header is where a person sees it
        script("window.scrollTo(0, 0);");
        Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        @SuppressWarnings("unchecked")
        Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
        double width = ((Number) size.get("width")).doubleValue();
        double height = Math.min(4000, ((Number) size.get("height")).doubleValue());
        Map<String, Object> taken = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
        Path file = shots.resolve(String.format("%02d-%s-%s.png", shot.incrementAndGet(), name, what));
        try {
            Files.write(file, Base64.getDecoder().decode((String) taken.get("data")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** The browser console so far (errors and warnings), for failure messages. */
    public String console() {
        StringBuilder text = new StringBuilder();
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            text.append(entry.getLevel()).append(' ').append(entry.getMessage()).append('\n');
        }
        return text.toString();
    }

    /** The video element's playing position, or -1 while it has none. */
    public double currentTime(String css) {
        Object time = script("const v = document.querySelector(arguments[0]); return v && v.readyState > 0 ? v.currentTime : -1;", css);
        return time == null ? -1 : ((Number) time).doubleValue();
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temporary profile left behind
            }
        }
    }
}
