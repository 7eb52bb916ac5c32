package cn.qingtian.portal.site;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium for the site's browser tests: they are skipped where it is not
 * installed, unless {@code PORTAL_REQUIRE_BROWSER} (set by CI) makes a missing browser a failure.
 */
final class HeadlessChromium {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  private HeadlessChromium() {}

  /** Skips the calling tests if Chromium is missing, or fails them if CI requires it. */
  static void assumeInstalled() {
    boolean available = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    if (!available && "true".equals(System.getenv("PORTAL_REQUIRE_BROWSER"))) {
      throw new IllegalStateException(
          "PORTAL_REQUIRE_BROWSER is set but Chromium is missing: apt-get install chromium chromium-driver");
    }
    Assumptions.assumeTrue(
        available,
        "Chromium not installed (apt-get install chromium chromium-driver): browser tests skipped");
  }

  /** Options every browser test starts from: headless, a fresh profile, a tall window. */
  static ChromeOptions options() throws IOException {
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
    return options;
  }

  /** A browser with these options, through Debian's chromedriver; pages may take 30 s to load. */
  static ChromeDriver start(ChromeOptions options) {
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
    ChromeDriver browser = new ChromeDriver(service, options);
    browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    return browser;
  }
}
