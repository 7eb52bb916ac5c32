package cn.qingtian.portal.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.qingtian.portal.ApiIntegrationTest;
import cn.qingtian.portal.SharedSite;
import cn.qingtian.portal.release.CurrentRelease;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeOptions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * The site in a real browser (headless Debian Chromium), served by the portal: navigation in both
 * languages, the numbers against {@code /graphql}, accessibility with axe-core, and screenshots.
 * Without Chromium the tests skip, unless {@code PORTAL_REQUIRE_BROWSER=true} (as in CI).
 */
@ApiIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SiteBrowserTest extends SharedSite {

  private static final Path SCREENSHOTS = Path.of("target", "screenshots");

  @Autowired SiteBuildScheduler publishing;
  @Autowired CurrentRelease currentRelease;
  @Autowired HttpGraphQlTester graphQl;
  @LocalServerPort int port;

  private WebDriver browser;

  @BeforeAll
  void start() throws IOException {
    HeadlessChromium.assumeInstalled();
    publishing.publish(currentRelease.refresh().block(), SITE, message -> {});
    ChromeOptions options = HeadlessChromium.options();
    browser = HeadlessChromium.start(options);
    Files.createDirectories(SCREENSHOTS);
  }

  @AfterAll
  void stop() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void followsLinksFromHomeToAnIndicatorAMeasureAndADepartmentInBothLanguages() {
    for (String language : List.of("", "en/")) {
      browser.get(url(language));
      assertThat(browser.findElement(By.tagName("html")).getAttribute("lang"))
          .isEqualTo(language.isEmpty() ? "zh-CN" : "en");
      browser.findElement(By.cssSelector(".card h3 a[href*='ZERO_EMPLOYMENT_FAMILIES']")).click();
      assertThat(browser.getCurrentUrl()).contains("/indicators/");
      assertThat(browser.findElement(By.tagName("h1")).getText()).isNotBlank();
      browser.findElement(By.cssSelector(".meta a[href*='measures/']")).click();
      assertThat(browser.getCurrentUrl()).contains("/measures/");
      browser
          .findElement(By.cssSelector("#units ~ ol a, section ol a[href*='departments/']"))
          .click();
      assertThat(browser.getCurrentUrl()).contains("/departments/");
      assertThat(browser.findElement(By.tagName("h1")).getText()).isNotBlank();
    }
    browser.get(url("measures/P13/"));
    browser.findElement(By.cssSelector("a[hreflang=en]")).click();
    assertThat(browser.getCurrentUrl()).endsWith("/en/measures/P13/");
  }

  @Test
  void showsTheNumbersThatGraphqlAnswersForTheSameRelease() {
    Map<?, ?> answer =
        graphQl
            .document(
                "{ currentRelease { version } plan(code: \"qt-kzt-2021-2025\") { finalEvaluation { achieved achievedAhead notAchieved projected cannotBeJudged } progress { total } } }")
            .execute()
            .path("")
            .entity(Map.class)
            .get();
    Map<?, ?> evaluation = (Map<?, ?>) ((Map<?, ?>) answer.get("plan")).get("finalEvaluation");
    browser.get(url(""));
    List<String> shown =
        browser.findElements(By.cssSelector(".final dd")).stream()
            // each number carries its DEMO mark beside it
            .map(e -> e.getText().replaceFirst(" DEMO$", ""))
            .toList();
    assertThat(shown)
        .containsExactly(
            evaluation.get("achieved").toString(),
            evaluation.get("achievedAhead").toString(),
            evaluation.get("notAchieved").toString(),
            evaluation.get("projected").toString(),
            evaluation.get("cannotBeJudged").toString());
    String version = ((Map<?, ?>) answer.get("currentRelease")).get("version").toString();
    assertThat(browser.findElement(By.tagName("footer")).getText()).contains(version);
  }

  @Test
  void axeFindsNoSeriousOrCriticalViolationsOnAnyTemplate() throws IOException {
    String axe = axeSource();
    List<String> problems = new ArrayList<>();
    for (String language : List.of("", "en/")) {
      for (String page :
          List.of(
              "",
              "plan/",
              "indicators/",
              "indicators/DISPOSABLE_INCOME_PER_CAPITA/",
              "indicators/URBAN_NEW_EMPLOYMENT/",
              "measures/P13/",
              "groups/TG7/",
              "departments/",
              "departments/CIVIL/",
              "about/",
              "api/",
              "no-such-page/",
              "charities/",
              "charities/DEMO_CHARITY_01/",
              "charities/DEMO_CHARITY_04/",
              "achievements/",
              "departments/HRSS/",
              "measures/G01/",
              "income/",
              "income/2024/",
              "downloads/",
              "search/?q=%E6%94%B6%E5%85%A5")) {
        browser.get(url(language + page));
        ((JavascriptExecutor) browser).executeScript(axe);
        Object result =
            ((JavascriptExecutor) browser)
                .executeAsyncScript(
                    "const done = arguments[arguments.length - 1];"
                        + "axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations"
                        + ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
                        + ".map(v => v.id + ': ' + v.help + ' (' + v.nodes.length + ')')));");
        for (Object violation : (List<?>) result) {
          problems.add(language + page + " " + violation);
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void remembersTheLargeTextModeAcrossPages() {
    browser.get(url(""));
    browser.findElement(By.cssSelector(".elderly-toggle")).click();
    browser.get(url("plan/"));
    assertThat(browser.findElement(By.tagName("html")).getAttribute("data-elderly"))
        .isEqualTo("true");
    browser.findElement(By.cssSelector(".elderly-toggle")).click();
    assertThat(browser.findElement(By.tagName("html")).getAttribute("data-elderly"))
        .isEqualTo("false");
  }

  @Test
  void savesScreenshotsOfTheHomeAndAnIndicatorPage() throws IOException {
    for (Map.Entry<String, String> shot :
        Map.of(
                "home.png",
                "",
                "indicator.png",
                "indicators/DISPOSABLE_INCOME_PER_CAPITA/",
                "home-en.png",
                "en/")
            .entrySet()) {
      browser.get(url(shot.getValue()));
      byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
      Files.write(SCREENSHOTS.resolve(shot.getKey()), png);
      assertThat(png.length).isGreaterThan(10_000);
    }
  }

  @Test
  void searchesWithOnlyStaticFilesServedAndFetchesLessThan300Kilobytes() throws Exception {
    AtomicLong served = new AtomicLong();
    HttpServer files = staticServer(SITE.toRealPath(), served);
    try {
      String base = "http://127.0.0.1:" + files.getAddress().getPort() + "/";
      browser.get(base + "search/?q=" + URLEncoder.encode("收入", StandardCharsets.UTF_8));
      List<String> found = results("找到");
      assertThat(found).contains("indicators/LOW_INCOME_FARM_HOUSEHOLD_INCOME/");
      assertThat(served.get()).as("bytes fetched for the page and a query").isLessThan(300_000);
      assertThat(browser.findElement(By.cssSelector("#search-results mark")).getText())
          .isEqualTo("收入");

      WebElement box = browser.findElement(By.id("q"));
      box.clear();
      box.sendKeys("养老保险\n");
      assertThat(results("找到")).first().isEqualTo("indicators/PENSION_INSURANCE_INSURED/");
      assertThat(browser.getCurrentUrl()).contains("?q=");

      browser.get(base + "en/search/?q=pension%20insurence"); // a typo in English
      assertThat(results("found")).contains("en/indicators/PENSION_INSURANCE_INSURED/");
      browser.get(base + "en/search/?q=zzxqv");
      assertThat(results("Nothing found")).isEmpty();
      browser.get(base + "search/?q=" + URLEncoder.encode("<b>收入", StandardCharsets.UTF_8));
      assertThat(browser.findElements(By.cssSelector("#search-results b"))).isEmpty();
    } finally {
      files.stop(0);
    }
    browser.get(url("search/?q=" + URLEncoder.encode("低收入农户", StandardCharsets.UTF_8)));
    assertThat(results("找到").subList(0, 3))
        .contains("indicators/LOW_INCOME_FARM_HOUSEHOLD_INCOME/");
  }

  /** Waits for the search status to say {@code status}, then gives the result links in order. */
  private List<String> results(String status) {
    await("the search status says " + status)
        .atMost(Duration.ofSeconds(10))
        .pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofMillis(100))
        .untilAsserted(
            () ->
                assertThat(browser.findElement(By.id("search-status")).getText()).contains(status));
    String root = browser.getCurrentUrl().replaceAll("(en/)?search/.*$", "");
    return browser.findElements(By.cssSelector("#search-results h2 a")).stream()
        .map(a -> a.getAttribute("href").substring(root.length()))
        .toList();
  }

  /** A plain static file server over {@code root}, as any web host; counts the bytes it sends. */
  private static HttpServer staticServer(Path root, AtomicLong served) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    Map<String, String> types =
        Map.of(
            "html", "text/html; charset=utf-8",
            "css", "text/css",
            "js", "text/javascript",
            "json", "application/json",
            "png", "image/png",
            "xml", "application/xml");
    server.createContext(
        "/",
        exchange -> {
          Path file = root.resolve(exchange.getRequestURI().getPath().substring(1)).normalize();
          if (Files.isDirectory(file)) {
            file = file.resolve("index.html");
          }
          if (!file.startsWith(root) || !Files.isRegularFile(file)) {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
            return;
          }
          byte[] body = Files.readAllBytes(file);
          String name = file.getFileName().toString();
          exchange
              .getResponseHeaders()
              .set("Content-Type", types.get(name.substring(name.lastIndexOf('.') + 1)));
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          served.addAndGet(body.length);
          exchange.close();
        });
    server.start();
    return server;
  }

  private String url(String path) {
    return "http://localhost:" + port + "/" + path;
  }

  private static String axeSource() throws IOException {
    try (InputStream in =
        SiteBrowserTest.class.getResourceAsStream(
            "/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
