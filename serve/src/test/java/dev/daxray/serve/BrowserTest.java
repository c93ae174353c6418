package dev.daxray.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web UI in a real browser: Debian's chromium, headless, driven by Selenium 4 through the
 * system chromedriver. Searches, a facet, an incident, a fingerprint link, dragging the histogram,
 * a bad query, the overview; after every page, no alert is open and the console has no error (a
 * payload from a log that ran would do one or the other, and so would a CSP violation). A
 * screenshot of each page goes to target/screenshots/. One browser for the class.
 *
 * <p>Skipped with a message when chromium or chromedriver is missing, unless
 * {@code -Ddaxray.requireBrowser=true} (as .ci/run runs), where that fails.
 */
class BrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SHOTS = Path.of("target", "screenshots");

    @TempDir
    static Path dir;
    static ServeFixture web;
    static ChromeDriver browser;

    @BeforeAll
    static void start() throws IOException {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (Boolean.getBoolean("daxray.requireBrowser")) {
            assertTrue(present, "the browser tests are required (-Ddaxray.requireBrowser=true) but " + CHROMIUM + " or "
                    + CHROMEDRIVER + " is missing (apt-get install chromium chromium-driver)");
        }
        assumeTrue(present, "chromium or chromedriver not installed (apt-get install chromium chromium-driver): browser tests skipped");
        web = new ServeFixture(dir);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + Files.createDirectories(dir.resolve("chromium-profile")), "--window-size=1280,900");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        Files.createDirectories(SHOTS);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (web != null) {
            web.close();
        }
    }

    /** After every test: no alert is open, and the console logged no error. */
    @AfterEach
    void nothingRan() {
        assertClean();
    }

    /**
     * No alert open, and no warning or error in the console but the one a page answered with 400
     * or 404 on purpose logs about itself (a bad query, an unknown page).
     */
    private static void assertClean() {
        assertThrows(NoAlertPresentException.class, () -> browser.switchTo().alert(), "an alert is open: a script ran");
        String self = browser.getCurrentUrl() + " - Failed to load resource: the server responded with a status of 4";
        List<LogEntry> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue())
                .filter(e -> !e.getMessage().startsWith(self)).toList();
        assertEquals(List.of(), errors.stream().map(LogEntry::getMessage).toList(), "console errors");
    }

    private static void open(String pathAndQuery) {
        browser.get(web.base() + pathAndQuery);
        assertClean();
    }

    private static void shot(String name) throws IOException {
        Files.move(browser.getScreenshotAs(OutputType.FILE).toPath(), SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    private static String total() {
        return browser.findElement(By.id("total")).getText();
    }

    private static void waitForUrl(String part) {
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.urlContains(part));
    }

    @Test
    void searchFacetIncidentAndFingerprint() throws IOException {
        open("/");
        WebElement box = browser.findElement(By.id("q"));
        box.sendKeys("kind:dax-poison-consumed", Keys.ENTER);
        waitForUrl("q=kind%3Adax-poison-consumed");
        assertEquals("4 incidents match · showing 1–4", total());
        assertClean();

        browser.findElement(By.xpath("//section[h3='kernel']//a[@class='fv'][span='6.8.0-45-generic']")).click();
        waitForUrl("kernel%3A%226.8.0-45-generic%22");
        assertEquals("2 incidents match · showing 1–2", total());
        assertEquals("kind:dax-poison-consumed kernel:\"6.8.0-45-generic\"", browser.findElement(By.id("q")).getAttribute("value"));
        assertEquals("true", browser.findElement(By.cssSelector(".facet li.on a")).getAttribute("aria-pressed"));
        assertClean();
        shot("search");

        browser.findElement(By.cssSelector("tr.hit a.title")).click();
        waitForUrl("/incident?id=");
        assertTrue(browser.findElement(By.tagName("h1")).getText().contains("Poison consumed through a DAX mapping at pfn 0x3c1b0a"));
        assertTrue(browser.findElement(By.cssSelector("table.evidence")).getText().contains("Memory failure"));
        assertTrue(browser.findElement(By.cssSelector("dl.facts")).getText().contains("6.8.0-45-generic"));
        assertClean();
        shot("incident");

        browser.findElement(By.linkText("1 other incident")).click();
        waitForUrl("fingerprint%3A");
        assertEquals("1 incident matches · showing 1–1", total());
        String other = browser.findElement(By.cssSelector("tr.hit")).getText();
        assertTrue(other.contains("db-01") || other.contains("db-02"), other);
    }

    @Test
    void badQueryPointsAtTheColumn() throws IOException {
        open("/");
        browser.findElement(By.id("q")).sendKeys("kind:x AND kidn:y", Keys.ENTER);
        waitForUrl("kidn");
        WebElement caret = browser.findElement(By.cssSelector("pre.caret"));
        assertEquals("kind:x AND kidn:y\n           ^", caret.getText());
        assertTrue(browser.findElement(By.cssSelector("#qerror p")).getText().startsWith("query:12: unknown field [kidn]"));
        shot("bad-query");
    }

    @Test
    void draggingTheHistogramZooms() {
        open("/?q=kind:soft-offline");
        WebElement svg = browser.findElement(By.id("histogram"));
        int width = svg.getSize().getWidth();
        new Actions(browser).moveToElement(svg, -width / 4, 0).clickAndHold().moveByOffset(width / 3, 0).release().perform();
        waitForUrl("until=");
        String url = browser.getCurrentUrl();
        assertTrue(url.contains("since=2026-10-0") && url.contains("q=kind%3Asoft-offline"), url);
        String summary = total();
        assertTrue(summary.matches("\\d+ incidents? match.*") && !summary.startsWith("24 "), "a narrower range: " + summary);
        assertClean();
    }

    @Test
    void payloadsFromLogsNeverRun() throws IOException {
        open("/?q=kind:kernel-crash");
        assertTrue(browser.findElement(By.cssSelector("section.results")).getText().contains(ServeFixture.HOST), "shown as text");
        open("/?q=kind:kernel-crash&group=fingerprint");
        open("/incident?id=" + java.net.URLEncoder.encode(ServeFixture.HOST + "/bad1", java.nio.charset.StandardCharsets.UTF_8));
        assertTrue(browser.findElement(By.tagName("h1")).getText().contains(ServeFixture.COMM));
        assertTrue(browser.findElement(By.cssSelector("table.evidence")).getText().contains(ServeFixture.EVIDENCE));
        assertTrue(browser.findElement(By.cssSelector("dl.facts")).getText().contains(ServeFixture.KERNEL));
        shot("hostile-incident");
        open("/overview");
        open("/?q=" + java.net.URLEncoder.encode(ServeFixture.EVIDENCE, java.nio.charset.StandardCharsets.UTF_8));
        open("/nope" + java.net.URLEncoder.encode(ServeFixture.HOST, java.nio.charset.StandardCharsets.UTF_8));
        // No element a payload would have made exists.
        assertEquals(0, browser.findElements(By.cssSelector("img, script:not([src])")).size());
    }

    @Test
    void overviewBarsLinkToTheirSearch() throws IOException {
        open("/overview");
        shot("overview");
        browser.findElement(By.cssSelector("a[aria-label='critical: 5']")).click();
        waitForUrl("severity%3A%22critical%22");
        assertEquals("5 incidents match · showing 1–5", total());
    }

    @Test
    void keyboardReachesTheBoxAndTheLinks() {
        open("/?q=kind:dax-poison-consumed");
        browser.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        String first = browser.switchTo().activeElement().getTagName();
        assertEquals("a", first, "the first Tab stop is a link");
        WebElement link = browser.findElement(By.cssSelector("tr.hit a.title"));
        link.sendKeys(Keys.ENTER);
        waitForUrl("/incident?id=");
    }

    @Test
    void darkModeAndPhoneWidth() throws IOException {
        browser.executeCdpCommand("Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
        try {
            open("/?q=kind:dax-poison-consumed");
            String background = browser.findElement(By.tagName("body")).getCssValue("background-color");
            assertEquals("rgba(20, 23, 29, 1)", background, "the dark palette");
            shot("search-dark");
        } finally {
            browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features", List.of()));
        }
        Dimension size = browser.manage().window().getSize();
        browser.manage().window().setSize(new Dimension(390, 844));
        try {
            open("/?q=kind:dax-poison-consumed");
            Number scroll = (Number) browser.executeScript("return document.documentElement.scrollWidth");
            Number client = (Number) browser.executeScript("return document.documentElement.clientWidth");
            Object wide = browser.executeScript("var out = []; document.querySelectorAll('body *').forEach(function (e) {"
                    + " var r = e.getBoundingClientRect(); if (r.right > document.documentElement.clientWidth + 1) {"
                    + " out.push(e.tagName + '.' + e.className + ' ' + Math.round(r.right)); } }); return out.slice(0, 8).join(', ');");
            assertTrue(scroll.intValue() <= client.intValue() + 1, "no sideways scrolling on a phone: " + scroll + " > " + client
                    + "; too wide: " + wide);
            shot("search-phone");
        } finally {
            browser.manage().window().setSize(size);
        }
        assertFalse(browser.getPageSource().isEmpty());
    }
}
