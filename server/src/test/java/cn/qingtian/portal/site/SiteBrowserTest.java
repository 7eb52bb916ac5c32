package cn.qingtian.portal.site;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qingtian.portal.ApiIntegrationTest;
import cn.qingtian.portal.SharedDatabase;
import cn.qingtian.portal.release.CurrentRelease;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The site in a real browser (headless Debian Chromium), served by the portal: navigation in both
 * languages, the numbers against {@code /graphql}, accessibility with axe-core, and screenshots.
 * Without Chromium the tests skip, unless {@code PORTAL_REQUIRE_BROWSER=true} (as in CI).
 */
@ApiIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SiteBrowserTest extends SharedDatabase {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private static final Path SITE = SiteServingTest.createSiteDirectory();

  @DynamicPropertySource
  static void siteDirectory(DynamicPropertyRegistry registry) {
    registry.add("portal.site.directory", SITE::toString);
  }

  @Autowired SitePublishing publishing;
  @Autowired CurrentRelease currentRelease;
  @Autowired HttpGraphQlTester graphQl;
  @LocalServerPort int port;

  private WebDriver browser;

  @BeforeAll
  void start() throws IOException {
    boolean available = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    if (!available && "true".equals(System.getenv("PORTAL_REQUIRE_BROWSER"))) {
      throw new IllegalStateException(
          "PORTAL_REQUIRE_BROWSER is set but Chromium is missing: apt-get install chromium chromium-driver");
    }
    Assumptions.assumeTrue(
        available,
        "Chromium not installed (apt-get install chromium chromium-driver): browser tests skipped");
    publishing.publish(currentRelease.refresh().block(), SITE, message -> {});
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-dev-shm-usage",
        "--window-size=1280,1600",
        "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
    browser = new ChromeDriver(service, options);
    browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
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
                "{ currentRelease { version } plan(code: \"qt-kzt-2021-2025\") { finalEvaluation { achieved notAchieved projected cannotBeJudged } progress { total } } }")
            .execute()
            .path("")
            .entity(Map.class)
            .get();
    Map<?, ?> evaluation = (Map<?, ?>) ((Map<?, ?>) answer.get("plan")).get("finalEvaluation");
    browser.get(url(""));
    List<String> shown =
        browser.findElements(By.cssSelector(".final dd")).stream().map(e -> e.getText()).toList();
    assertThat(shown)
        .containsExactly(
            evaluation.get("achieved").toString(), evaluation.get("notAchieved").toString(),
            evaluation.get("projected").toString(), evaluation.get("cannotBeJudged").toString());
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
              "income/2024/")) {
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
