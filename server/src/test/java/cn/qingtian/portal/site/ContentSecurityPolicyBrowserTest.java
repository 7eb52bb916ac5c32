package cn.qingtian.portal.site;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qingtian.portal.ApiIntegrationTest;
import cn.qingtian.portal.RawHttp;
import cn.qingtian.portal.SharedSite;
import cn.qingtian.portal.release.CurrentRelease;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The portal's pages work in a real browser (headless Debian Chromium) under the Content-Security-
 * Policy the portal sends: the home page, an indicator, the search (typing a query, results from
 * {@code search/index.json}) and GraphiQL (running a query) cause no policy violation and no
 * console error. A listener for {@code securitypolicyviolation} is installed before any page script
 * runs, and the browser's console log is read as well. Without Chromium the tests skip, unless
 * {@code PORTAL_REQUIRE_BROWSER=true} (as in CI).
 */
@ApiIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContentSecurityPolicyBrowserTest extends SharedSite {

  /** Runs in every document before its own scripts: collects violations and errors. */
  private static final String RECORDER =
      "window.__problems = [];"
          + "document.addEventListener('securitypolicyviolation', function (e) {"
          + "  window.__problems.push('CSP ' + e.violatedDirective + ' blocked ' + e.blockedURI"
          + "    + ' at ' + e.sourceFile + ':' + e.lineNumber + ' ' + (e.sample || ''));"
          + "}, true);"
          + "window.addEventListener('error', function (e) {"
          + "  window.__problems.push('error ' + (e.message || (e.target && (e.target.src || e.target.href))));"
          + "}, true);"
          + "window.addEventListener('unhandledrejection', function (e) {"
          + "  window.__problems.push('unhandled rejection ' + e.reason);"
          + "});"
          + "var __error = console.error;"
          + "console.error = function () {"
          + "  window.__problems.push('console.error ' + Array.prototype.join.call(arguments, ' '));"
          + "  return __error.apply(console, arguments);"
          + "};";

  @Autowired SiteBuildScheduler publishing;
  @Autowired CurrentRelease currentRelease;
  @LocalServerPort int port;

  private ChromeDriver browser;

  @BeforeAll
  void start() throws IOException {
    HeadlessChromium.assumeInstalled();
    publishing.publish(currentRelease.refresh().block(), SITE, message -> {});
    ChromeOptions options = HeadlessChromium.options();
    LoggingPreferences logging = new LoggingPreferences();
    logging.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logging);
    browser = HeadlessChromium.start(options);
    browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", RECORDER));
  }

  @AfterAll
  void stop() {
    if (browser != null) {
      browser.quit();
    }
  }

  @BeforeEach
  void forgetEarlierLogs() {
    browser.manage().logs().get(LogType.BROWSER);
  }

  @AfterEach
  void noProblemsLeft() {
    assertThat(problems()).as("CSP violations and errors").isEmpty();
  }

  @Test
  void theHomePageAndAnIndicatorPageLoadTheirStylesAndScriptsUnderThePolicy() {
    assertThat(RawHttp.get(url("")).header("Content-Security-Policy"))
        .hasValueSatisfying(policy -> assertThat(policy).contains("script-src 'self'"));
    browser.get(url(""));
    assertThat(browser.findElement(By.cssSelector(".card h3 a")).isDisplayed()).isTrue();
    assertThat(style(".site-header", "display")).as("site.css applied").isNotEqualTo("inline");
    browser.findElement(By.cssSelector(".elderly-toggle")).click();
    assertThat(browser.findElement(By.tagName("html")).getAttribute("data-elderly"))
        .as("site.js ran")
        .isEqualTo("true");
    browser.findElement(By.cssSelector(".elderly-toggle")).click();
    assertThat(problems()).isEmpty();

    browser.get(url("indicators/DISPOSABLE_INCOME_PER_CAPITA/"));
    assertThat(browser.findElement(By.tagName("h1")).getText()).isNotBlank();
    assertThat(browser.findElements(By.cssSelector("svg"))).as("the chart").isNotEmpty();
  }

  @Test
  void theSearchFetchesItsIndexAndShowsResultsUnderThePolicy() {
    browser.get(url("search/"));
    WebElement box = browser.findElement(By.id("q"));
    box.sendKeys("收入\n");
    waitFor(
        () -> browser.findElement(By.id("search-status")).getText().contains("找到"),
        "search results");
    assertThat(browser.findElements(By.cssSelector("#search-results h2 a"))).isNotEmpty();
    assertThat(browser.findElement(By.cssSelector("#search-results mark")).getText())
        .isEqualTo("收入");
    browser.get(url("en/search/?q=" + URLEncoder.encode("pension", StandardCharsets.UTF_8)));
    waitFor(
        () -> browser.findElement(By.id("search-status")).getText().contains("found"),
        "English search results");
  }

  @Test
  void graphiqlRunsAQueryUnderThePolicy() {
    assertThat(RawHttp.get(url("graphiql")).header("Content-Security-Policy")).isPresent();
    browser.get(url("graphiql"));
    waitFor(
        () -> !browser.findElements(By.cssSelector(".graphiql-execute-button")).isEmpty(),
        "GraphiQL to start");
    browser.findElement(By.cssSelector(".graphiql-execute-button")).click();
    waitFor(() -> responseText().contains("\"currentRelease\""), "GraphiQL to show the answer");
    assertThat(responseText()).contains("\"version\"", "\"measures\"");
    assertThat(style(".graphiql-container", "display"))
        .as("GraphiQL's CSS applied")
        .isEqualTo("flex");
  }

  private String responseText() {
    return browser.findElements(By.cssSelector(".result-window")).stream()
        .map(WebElement::getText)
        .findFirst()
        .orElse("");
  }

  private String style(String selector, String property) {
    return (String)
        ((JavascriptExecutor) browser)
            .executeScript(
                "return getComputedStyle(document.querySelector(arguments[0]))[arguments[1]];",
                selector,
                property);
  }

  /** What the recorder saw in the current document, and the console's errors since last asked. */
  private List<String> problems() {
    List<String> found = new ArrayList<>();
    Object recorded = ((JavascriptExecutor) browser).executeScript("return window.__problems;");
    if (recorded instanceof List<?> list) {
      list.forEach(item -> found.add(String.valueOf(item)));
    }
    for (LogEntry entry : browser.manage().logs().get(LogType.BROWSER)) {
      // The site has no favicon (a gap of the site, not of the policy): the browser's own request
      // for /favicon.ico, made once per run, is a 404. GraphiQL names an empty icon.
      if (entry.getMessage().contains("/favicon.ico - Failed to load resource")) {
        continue;
      }
      if (entry.getLevel().intValue() >= Level.WARNING.intValue()
          || entry.getMessage().contains("Content Security Policy")) {
        found.add("console " + entry.getLevel() + " " + entry.getMessage());
      }
    }
    return found;
  }

  private void waitFor(java.util.function.BooleanSupplier condition, String what) {
    new WebDriverWait(browser, Duration.ofSeconds(20))
        .withMessage(() -> what + "; problems: " + problems())
        .until(driver -> condition.getAsBoolean());
  }

  private String url(String path) {
    return "http://localhost:" + port + "/" + path;
  }
}
