package com.cdcappsync.localstack;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's Chromium, headless, driven over WebDriver by Debian's ChromeDriver: both come from apt
 * ({@code chromium}, {@code chromium-driver}), never from a download. The driver's path is given to Selenium
 * (service and {@code webdriver.chrome.driver}), so Selenium Manager never runs. Each browser gets a fresh
 * profile folder, deleted on {@link #close()}; the flags keep Chromium off the network (no background
 * connections, component updates, sync or QUIC).
 */
final class HeadlessChromium implements AutoCloseable {

    /** Overridable with -Dcdc.chromium=PATH. */
    static final Path BROWSER = Path.of(System.getProperty("cdc.chromium", "/usr/bin/chromium"));
    /** Overridable with -Dwebdriver.chrome.driver=PATH. */
    static final Path DRIVER = Path.of(System.getProperty("webdriver.chrome.driver", "/usr/bin/chromedriver"));
    static final String INSTALL = "apt-get install -y chromium chromium-driver";
    /** Why a browser test is skipped: the reason JUnit reports. */
    static final String SKIPPED = "needs Debian's Chromium and ChromeDriver (/usr/bin/chromium, "
            + "/usr/bin/chromedriver): " + INSTALL + " (.ci/run does it)";
    /**
     * The tests use WebDriver only, never DevTools (CDP): quiet Selenium's warning that it has no CDP bindings for
     * this Chromium version. Held here so that the logger, and its level, are not garbage collected.
     */
    private static final Logger CDP_VERSION_LOG = Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

    static {
        CDP_VERSION_LOG.setLevel(Level.SEVERE);
    }

    final ChromeDriver driver;
    private final Path profile;

    /**
     * For {@code @EnabledIf}: true when the browser and the driver are installed, and also when the environment
     * variable {@code CI} is set (then {@link #requireInstalled()} fails the test instead of skipping it).
     */
    static boolean installedOrCi() {
        return System.getenv("CI") != null || Stream.of(BROWSER, DRIVER).allMatch(Files::isExecutable);
    }

    /**
     * Skips the calling test (JUnit assumption) when Chromium or ChromeDriver is missing; fails instead when the
     * environment variable {@code CI} is set, so that CI never passes without running the browser test.
     */
    static void requireInstalled() {
        List<String> missing = Stream.of(BROWSER, DRIVER).filter(p -> !Files.isExecutable(p)).map(Path::toString)
                .toList();
        if (missing.isEmpty()) {
            return;
        }
        String message = "the live page's browser test needs Debian's Chromium and ChromeDriver; missing: "
                + String.join(", ", missing) + ". Fix: " + INSTALL + " (.ci/run does it)";
        if (System.getenv("CI") != null) {
            fail(message + " [CI is set, so this fails instead of skipping]");
        }
        Assumptions.abort(message);
    }

    /**
     * Starts the browser.
     *
     * @param logDir where {@code chromedriver.log} goes (the driver's and the browser's own messages)
     */
    HeadlessChromium(Path logDir) {
        System.setProperty("webdriver.chrome.driver", DRIVER.toString());
        try {
            Files.createDirectories(logDir);
            profile = Files.createTempDirectory("cdc-chromium-profile-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1100,760", "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .withLogFile(logDir.resolve("chromedriver.log").toFile()).build();
        try {
            driver = new ChromeDriver(service, options);
        } catch (RuntimeException e) {
            deleteProfile();
            throw new IllegalStateException("cannot start " + BROWSER + " through " + DRIVER + " (see "
                    + logDir.resolve("chromedriver.log") + "): " + e.getMessage(), e);
        }
    }

    /** The page's console messages since the last call (errors, warnings, logs), as "LEVEL message". */
    List<String> consoleMessages() {
        List<String> messages = new ArrayList<>();
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            messages.add(entry.getLevel() + " " + entry.getMessage());
        }
        return messages;
    }

    /** Saves a PNG of the viewport to {@code file}, creating its folder. */
    Path screenshot(Path file) {
        try {
            Files.createDirectories(file.getParent());
            return Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the screenshot " + file, e);
        }
    }

    /** Quits the browser and the driver, and deletes the profile. */
    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteProfile();
        }
    }

    private void deleteProfile() {
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary folder is harmless
        }
    }
}
