package cn.qingtian.portal.site;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qingtian.portal.ApiIntegrationTest;
import cn.qingtian.portal.PortalCommandLine;
import cn.qingtian.portal.RawHttp;
import cn.qingtian.portal.SharedDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code publish --from} against a portal with the default rate limits (1,000 points a minute, 4
 * queries at once, 60 refused queries): the site's documents cost about 24,320 points, so only the
 * portal's publisher token, given to publish in {@code PORTAL_PUBLISH_TOKEN}, gets them answered.
 * Without it publish fails saying what to set; with a wrong one the portal answers 401.
 */
@ApiIntegrationTest
class PublishFromALimitedPortalTest extends SharedDatabase {

  private static final String TOKEN = "s3cret-publisher-token";

  @DynamicPropertySource
  static void defaultLimits(DynamicPropertyRegistry registry) {
    // ApiIntegrationTest lifts the limits for a whole suite from one address: put back the
    // defaults.
    registry.add("portal.api.rate-limit.cost-per-window", () -> "1000");
    registry.add("portal.api.rate-limit.window", () -> "1m");
    registry.add("portal.api.rate-limit.refused-per-window", () -> "60");
    registry.add("portal.api.rate-limit.max-concurrent-per-client", () -> "4");
    registry.add("portal.api.rate-limit.server-time-per-point", () -> "10ms");
    registry.add("portal.api.rate-limit.publisher-token", () -> TOKEN);
  }

  @LocalServerPort int port;
  @TempDir Path temp;

  private record Run(int exitCode, String out, String err) {}

  private Run publish(Path out, Map<String, String> environment) {
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    int code =
        PortalCommandLine.run(
            new String[] {
              "publish", "--out", out.toString(), "--from", "http://localhost:" + port + "/graphql"
            },
            new PrintStream(stdout, true, StandardCharsets.UTF_8),
            new PrintStream(stderr, true, StandardCharsets.UTF_8),
            environment);
    return new Run(
        code, stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8));
  }

  @Test
  void withThePublisherTokenPublishFromBuildsTheWholeSite() throws Exception {
    Path site = temp.resolve("site");
    long started = System.nanoTime();
    Run run = publish(site, Map.of(PortalCommandLine.PUBLISH_TOKEN, TOKEN));
    long millis = (System.nanoTime() - started) / 1_000_000;
    String result =
        run.out().lines().filter(line -> line.startsWith("结果 / result")).findFirst().orElse("");
    System.out.println("publish --from with the token: " + result + " (" + millis + " ms)");
    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    assertThat(result).contains("pages, release #1");
    assertThat(site.resolve("index.html")).isRegularFile();
    assertThat(site.resolve("en/measures/P13/index.html")).isRegularFile();
    try (var files = Files.walk(site.toRealPath())) {
      assertThat(files.filter(f -> f.toString().endsWith(".html")).count()).isGreaterThan(50);
    }
  }

  @Test
  void withoutTheTokenPublishFromFailsNamingTheSettingAndTheVariable() {
    Path site = temp.resolve("site");
    Run run = publish(site, Map.of());
    System.out.println(
        "publish --from without the token: exit " + run.exitCode() + "\n" + run.err());
    assertThat(run.exitCode()).isNotZero();
    assertThat(run.err())
        .contains(
            "portal.api.rate-limit.publisher-token",
            "PORTAL_API_RATE_LIMIT_PUBLISHER_TOKEN",
            "PORTAL_PUBLISH_TOKEN",
            "站点未生成",
            "site not published")
        .doesNotContain("Exception", "\tat ");
    assertThat(site).doesNotExist();
  }

  @Test
  void aWrongTokenIsRefusedWith401NotTreatedAsAnonymous() {
    Run run = publish(temp.resolve("site"), Map.of(PortalCommandLine.PUBLISH_TOKEN, "guess"));
    assertThat(run.exitCode()).isNotZero();
    assertThat(run.err()).contains("refused the token in PORTAL_PUBLISH_TOKEN", "拒绝了");

    RawHttp.Response wrong =
        RawHttp.post(
            "http://localhost:" + port + "/graphql",
            "{\"query\":\"{ measure(code: \\\"P13\\\") { code } }\"}",
            "Authorization",
            "Bearer " + TOKEN + "x",
            "X-Forwarded-For",
            "198.51.100.40");
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(wrong.text()).contains("INVALID_TOKEN", "令牌无效", "invalid token");
    assertThat(wrong.header("WWW-Authenticate")).hasValueSatisfying(v -> v.startsWith("Bearer"));
    // The right token is not charged: no standing reported, a query costing more than a window
    // answered.
    RawHttp.Response right =
        RawHttp.post(
            "http://localhost:" + port + "/graphql",
            "{\"query\":\"{ measure(code: \\\"P13\\\") { code } }\"}",
            "Authorization",
            "Bearer " + TOKEN);
    assertThat(right.status()).as(right.text()).isEqualTo(200);
    assertThat(right.header("X-RateLimit-Remaining")).isEmpty();
  }
}
