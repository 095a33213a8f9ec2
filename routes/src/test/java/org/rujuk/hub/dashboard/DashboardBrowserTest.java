package org.rujuk.hub.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.rujuk.hub.HubIntegrationTest;
import org.rujuk.hub.watchdog.Watchdog;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The dashboard in a real browser (Debian's headless chromium and chromedriver): log in, find a stuck hand-off in
 * Bahasa Indonesia, switch to English and keep it, open the timeline, record a meeting decision, download the
 * meeting pack and find the hand-off in it; and an agency user sees only its own. Saves
 * screenshots of the main pages under {@code target/screenshots} (the README shows them). Skipped, saying so, where
 * chromium is not installed ({@code .ci/run} installs it).
 */
class DashboardBrowserTest extends HubIntegrationTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @LocalServerPort
    int port;

    @Autowired
    Watchdog watchdog;

    @Autowired
    JdbcClient jdbc;

    private WebDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void startBrowser() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "browser tests skipped: install Debian's chromium and chromium-driver (.ci/run does)");
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1280,900", "--lang=id",
                "--user-data-dir=" + Files.createTempDirectory("rujuk-chromium"));
        var service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        jdbc.sql("update handoff_clock set next_escalation_at = null, stuck_since = null").update();
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aCoordinatorFindsAStuckHandoffInBahasaIndonesiaThenInEnglishAndOpensItsTimeline() throws Exception {
        ObjectNode referral = stuckReferral("police", "social");
        String caseRef = referral.get("caseRef").asText();

        logIn("coordinator");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Ringkasan rujukan"));
        screenshot("overview");

        open("/stuck");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Rujukan macet"));
        assertThat(browser.findElement(By.id("stuck-table")).getText()).contains(caseRef, "Diterima sistem");
        screenshot("stuck");

        browser.findElement(By.id("lang-en")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Stuck hand-offs"));
        open("/stuck");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Stuck hand-offs"));

        browser.findElement(By.linkText(caseRef)).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Referral timeline"));
        assertThat(browser.findElement(By.id("timeline")).getText())
                .contains("Hub receipt", "Stuck alert", "Reminder sent to social");
        assertThat(browser.findElement(By.id("clocks")).getText()).contains("stuck");

        browser.findElement(By.id("decision-action")).sendKeys("Dinas Sosial confirms receipt by phone");
        browser.findElement(By.id("decision-submit")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("decisions")));
        assertThat(browser.findElement(By.id("decisions")).getText())
                .contains("Dinas Sosial confirms receipt by phone", "social", "not yet due");
        assertThat(browser.findElement(By.id("timeline")).getText()).contains("Meeting decision");
        screenshot("timeline");

        // The meeting pack, downloaded with the browser's own session, names the stuck hand-off.
        String today = browser.findElement(By.id("decision-form"))
                .findElement(By.name("meetingDate")).getDomAttribute("value");
        byte[] pdf = downloadWithBrowserSession("/meeting/pack?date=" + today + "&format=pdf");
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
            assertThat(text).contains(caseRef, "Halaman 1 dari");
        }

        open("/agencies");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Agencies"));
        screenshot("agencies");
        open("/statistics");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Case statistics"));
        screenshot("statistics");
    }

    @Test
    void anAgencyUserSeesOnlyItsOwnHandoffs() throws Exception {
        ObjectNode theirs = stuckReferral("police", "social");
        logIn("health");
        open("/stuck");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("h1")));
        assertThat(browser.getPageSource()).doesNotContain(theirs.get("caseRef").asText());
        open("/referrals/" + theirs.get("referralId").asText());
        assertThat(browser.getPageSource()).doesNotContain(theirs.get("caseRef").asText());
        assertThat(browser.findElements(By.id("pack-form"))).isEmpty();
        open("/meeting/pack?date=2026-12-01&format=csv");
        assertThat(browser.getPageSource()).doesNotContain(theirs.get("caseRef").asText());
    }

    @Test
    void aCoordinatorSeesDeadLettersAndAnAdministratorReadsReplaysAndDiscardsThem() throws Exception {
        faults.arm("referral", org.rujuk.hub.FaultInjection.Point.BEFORE_LEDGER, 10_000);
        ObjectNode toReplay = referral("police", "social");
        ObjectNode toDiscard = referral("police", "health");
        String replayId = toReplay.get("referralId").asText();
        String discardId = toDiscard.get("referralId").asText();
        var dead = broker.server().locateQueue(
                org.apache.activemq.artemis.api.core.SimpleString.of(properties.addresses().dead()));
        try (var police = agency("police"); var social = agency("social")) {
            police.sendText(referralsIn(), toReplay.toString());
            police.sendText(referralsIn(), toDiscard.toString());
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> dead.getMessageCount() == 2);
            faults.disarmAll();

            logIn("coordinator");
            open("/dead-letters");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Surat mati"));
            assertThat(browser.findElement(By.id("dead-table")).getText())
                    .contains(replayId, discardId, "police", "rujuk.referrals.in", "injected fault");
            assertThat(browser.findElements(By.className("dead-replay"))).isEmpty();
            assertThat(browser.findElements(By.className("dead-body"))).isEmpty();
            assertThat(browser.getPageSource()).doesNotContain(toReplay.get("summary").asText());
            screenshot("dead-letters");

            browser.manage().deleteAllCookies();
            logIn("admin");
            open("/dead-letters");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("dead-table")));
            row(replayId).findElement(By.className("dead-body")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("dead-body-text")));
            assertThat(browser.findElement(By.id("dead-body-text")).getText()).contains(replayId);
            assertThat(jdbc.sql("select count(*) from audit_log where action = 'dead-letter-body-viewed' "
                    + "and actor = 'admin' and referral_id = cast(:id as uuid)").param("id", replayId)
                    .query(Long.class).single()).isEqualTo(1);

            open("/dead-letters");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("dead-table")));
            row(replayId).findElement(By.cssSelector(".dead-replay button")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("dead-outcomes"), "dikirim ulang"));
            assertThat(social.receive(inbox("social"), selectorFor(toReplay), 10_000)).isNotNull();

            var discard = row(discardId).findElement(By.className("dead-discard"));
            discard.findElement(By.name("reason")).sendKeys("Dikirim ulang oleh polisi dengan id baru");
            discard.findElement(By.tagName("button")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("dead-outcomes"), "dibuang"));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("dead-none")));
            screenshot("dead-letters-admin");
        }
        assertThat(dead.getMessageCount()).isZero();
        assertThat(jdbc.sql("select status from dead_letter_log where referral_id = cast(:id as uuid)")
                .param("id", discardId).query(String.class).single()).isEqualTo("discarded");
    }

    private org.openqa.selenium.WebElement row(String referralId) {
        return browser.findElements(By.cssSelector("#dead-table tr[data-key]")).stream()
                .filter(tr -> tr.getText().contains(referralId)).findFirst().orElseThrow();
    }

    private byte[] downloadWithBrowserSession(String path) throws Exception {
        var cookies = new StringBuilder();
        for (var cookie : browser.manage().getCookies()) {
            cookies.append(cookie.getName()).append('=').append(cookie.getValue()).append("; ");
        }
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + path))
                .header("Cookie", cookies.toString()).build();
        var response = java.net.http.HttpClient.newHttpClient()
                .send(request, java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pdf");
        return response.body();
    }

    private ObjectNode stuckReferral(String from, String to) throws Exception {
        ObjectNode referral = referral(from, to);
        referral.put("caseRef", "LP/" + referral.get("referralId").asText().substring(0, 8));
        try (var sender = agency(from)) {
            sender.sendText(referralsIn(), referral.toString());
            assertThat(sender.receive(inbox(from), selectorFor(referral), 10_000)).isNotNull();
        }
        clock.advance(Duration.ofHours(5));
        watchdog.runOnce();
        return referral;
    }

    private void logIn(String user) {
        open("/login");
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys("demo");
        browser.findElement(By.id("login")).click();
    }

    private void open(String path) {
        browser.get("http://localhost:" + port + path);
    }

    private void screenshot(String name) throws Exception {
        Path file = Path.of("target", "screenshots", name + ".png");
        Files.createDirectories(file.getParent());
        Files.write(file, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
