package cn.qingtian.portal.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.qingtian.portal.ApiIntegrationTest;
import cn.qingtian.portal.RawHttp;
import cn.qingtian.portal.SharedDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What an operator's monitoring sees over HTTP: health for probes (the readiness group with the
 * database and the release served), the version and release in {@code /actuator/info}, and in
 * {@code /actuator/prometheus} the GraphQL operations by name, the build timers of a release, the
 * start-up import and the rate limit's refusals. Nothing else of the actuator is exposed.
 */
@ApiIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ActuatorTest extends SharedDatabase {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path SITE = siteDirectory();

  @LocalServerPort int port;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("portal.site.directory", SITE::toString);
    registry.add("portal.site.publish-on-release", () -> "true");
    registry.add("portal.api.rate-limit.cost-per-window", () -> "5");
    registry.add("portal.api.rate-limit.window", () -> "60s");
    // What Boot reads from the jar's manifest under java -jar (tests run from classes).
    registry.add("spring.application.version", () -> "9.9.9-test");
  }

  /** The portal builds the site (and with it the downloads) when it starts serving a release. */
  @BeforeAll
  void waitForTheReleaseToBeBuilt() {
    // Seconds on a quiet machine; minutes on two cores shared by a whole test suite.
    await("the site of the release is built")
        .atMost(Duration.ofSeconds(300))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> Files.isRegularFile(SITE.resolve("index.html")));
  }

  @Test
  void livenessAndReadinessAreUpAndReadinessNamesTheDatabaseAndTheReleaseServed()
      throws IOException {
    RawHttp.Response liveness = get("/actuator/health/liveness");
    assertThat(liveness.status()).isEqualTo(200);
    assertThat(JSON.readTree(liveness.text()).path("status").asText()).isEqualTo("UP");

    RawHttp.Response readiness = get("/actuator/health/readiness");
    assertThat(readiness.status()).as(readiness.text()).isEqualTo(200);
    JsonNode body = JSON.readTree(readiness.text());
    assertThat(body.path("status").asText()).isEqualTo("UP");
    assertThat(body.at("/components/database/status").asText()).isEqualTo("UP");
    assertThat(body.at("/components/readinessState/status").asText()).isEqualTo("UP");
    JsonNode release = body.at("/components/release");
    assertThat(release.path("status").asText()).isEqualTo("UP");
    assertThat(release.at("/details/number").asInt()).isEqualTo(1);
    assertThat(release.at("/details/version").asText()).startsWith("1.");
    assertThat(release.at("/details/publishedAt").asText()).matches("\\d{4}-\\d\\d-\\d\\d.*");
  }

  @Test
  void theOverallHealthShowsEachComponentsStatusButNoDetails() throws IOException {
    RawHttp.Response health = get("/actuator/health");
    assertThat(health.status()).isEqualTo(200);
    JsonNode body = JSON.readTree(health.text());
    assertThat(body.path("status").asText()).isEqualTo("UP");
    assertThat(body.path("components").properties())
        .extracting(e -> e.getKey())
        .contains("database", "release", "diskSpace", "livenessState", "readinessState")
        .doesNotContain("r2dbc");
    assertThat(health.text()).doesNotContain("details", "postgresql://", "127.0.0.1", "path");
  }

  @Test
  void infoNamesTheVersionTheReleaseServedAndJava() throws IOException {
    JsonNode info = JSON.readTree(get("/actuator/info").text());
    assertThat(info.at("/app/name").asText()).isEqualTo("qingtian-portal");
    assertThat(info.at("/app/version").asText()).isEqualTo("9.9.9-test");
    assertThat(info.at("/release/number").asInt()).isEqualTo(1);
    assertThat(info.at("/release/version").asText()).startsWith("1.");
    assertThat(info.at("/release/publishedAt").asText()).isNotBlank();
    assertThat(info.at("/java/version").asText()).startsWith(System.getProperty("java.version"));
  }

  @Test
  void onlyHealthInfoAndPrometheusAreExposed() {
    for (String endpoint : new String[] {"env", "beans", "configprops", "heapdump", "metrics"}) {
      assertThat(get("/actuator/" + endpoint).status()).as(endpoint).isEqualTo(404);
    }
  }

  @Test
  void graphQlRequestsAreTimedPerOperationNameAndStrangeNamesAreLumpedTogether() {
    post("query PlanTitles { plans(first: 1) { nodes { code } } }", "198.51.100.1");
    post("{ plans(first: 1) { nodes { code } } }", "198.51.100.1");
    post("query " + "Long".repeat(20) + " { plans(first: 1) { nodes { code } } }", "198.51.100.1");

    String scrape = scrape();
    assertThat(
            counter(
                scrape, "graphql_request_seconds_count", "graphql_operation_name=\"PlanTitles\""))
        .isGreaterThanOrEqualTo(1);
    assertThat(
            counter(
                scrape, "graphql_request_seconds_count", "graphql_operation_name=\"(anonymous)\""))
        .isGreaterThanOrEqualTo(1);
    assertThat(
            counter(scrape, "graphql_request_seconds_count", "graphql_operation_name=\"(other)\""))
        .isGreaterThanOrEqualTo(1);
    assertThat(scrape).doesNotContain("LongLongLong", "graphql_execution_id");
    // Latency buckets for alerting, per operation.
    assertThat(scrape)
        .containsPattern(
            "graphql_request_seconds_bucket\\{[^}]*graphql_operation_name=\"PlanTitles\"[^}]*le=\"0\\.5\"");
  }

  @Test
  void everyPartOfTheReleaseBuildAndTheStartUpImportAreTimed() {
    // The search index is built on a worker as the release is served; it may still be building.
    String scrape = scrapeUntil("part=\"search\"");
    for (String part : new String[] {"site", "downloads", "search"}) {
      assertThat(
              counter(
                  scrape,
                  "portal_release_build_seconds_count",
                  "outcome=\"success\"",
                  "part=\"" + part + "\""))
          .as(part)
          .isGreaterThanOrEqualTo(1);
    }
    assertThat(scrape)
        .containsPattern(
            "portal_import_seconds_count\\{[^}]*outcome=\"(published|unchanged)\"[^}]*} 1");
    assertThat(counter(scrape, "portal_release_current")).isEqualTo(1);
  }

  @Test
  void refusalsOfTheRateLimitAreCountedByReason() {
    String client = "198.51.100.2";
    for (int i = 0; i < 6; i++) {
      post("{ measure(code: \\\"P13\\\") { code } }", client);
    }
    for (int i = 0; i < 3; i++) {
      post("{ measure(code: \\\"P13\\\") { code } }", "198.51.100.3");
    }
    // 202 values, 3 points: more than the 2 left.
    RawHttp.Response costly = post("{ measures(first: 100) { nodes { code } } }", "198.51.100.3");
    assertThat(costly.status()).isEqualTo(429);
    // 1 + 100 + 100 × 100 items with their fields: more than the whole window of 5.
    RawHttp.Response tooExpensive =
        post(
            "{ measures(first: 100) { nodes { departments(first: 100) { nodes {"
                + " measures(first: 100) { nodes { code } } } } } } }",
            "198.51.100.4");
    assertThat(tooExpensive.status()).isEqualTo(400);

    String scrape = scrape();
    assertThat(counter(scrape, "portal_ratelimit_rejections_total", "reason=\"window_spent\""))
        .isGreaterThanOrEqualTo(1);
    assertThat(
            counter(scrape, "portal_ratelimit_rejections_total", "reason=\"cost_over_remaining\""))
        .isGreaterThanOrEqualTo(1);
    assertThat(counter(scrape, "portal_ratelimit_rejections_total", "reason=\"cost_over_window\""))
        .isGreaterThanOrEqualTo(1);
  }

  @Test
  void requestTimingsAreTaggedByRoutePatternNotByPath() {
    assertThat(get("/datasets/observations/latest/observations.csv").status()).isEqualTo(200);
    get("/datasets/no-such-dataset/latest/nothing.csv");
    get("/datasets/x/y/z/deeper");
    get("/en/no-such-page-" + System.nanoTime());
    get("/");

    Set<String> uris = new TreeSet<>();
    Matcher uri =
        Pattern.compile("http_server_requests_seconds_count\\{[^}]*uri=\"([^\"]*)\"")
            .matcher(scrape());
    while (uri.find()) {
      uris.add(uri.group(1));
    }
    assertThat(uris).contains("/datasets/{dataset}/{version}/{file}", "/**");
    assertThat(uris)
        .noneMatch(u -> u.contains("observations") || u.contains("no-such") || u.contains("x/y/z"));
    assertThat(uris).as("bounded: one value per route").hasSizeLessThan(20);
  }

  @Test
  void aScrapeStaysSmallAndQuick() {
    scrape();
    long start = System.nanoTime();
    RawHttp.Response response = get("/actuator/prometheus");
    long millis = (System.nanoTime() - start) / 1_000_000;
    long samples = response.text().lines().filter(l -> !l.startsWith("#")).count();
    System.out.printf(
        "prometheus scrape: %d bytes, %d samples, %d ms%n",
        response.body().length, samples, millis);
    assertThat(response.body().length).isLessThan(300_000);
    assertThat(millis).isLessThan(5_000);
  }

  private String scrape() {
    RawHttp.Response response = get("/actuator/prometheus");
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.header("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
    return response.text();
  }

  /** The first scrape that shows {@code fragment}. */
  private String scrapeUntil(String fragment) {
    return await("the scrape shows " + fragment)
        .atMost(Duration.ofSeconds(60))
        .pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofMillis(250))
        .until(this::scrape, scrape -> scrape.contains(fragment));
  }

  /** The value of the first sample of {@code metric} whose labels contain every {@code label}. */
  private static double counter(String scrape, String metric, String... labels) {
    for (String line : scrape.split("\n")) {
      if (!line.startsWith(metric + "{") && !line.startsWith(metric + " ")) {
        continue;
      }
      String labelPart =
          line.contains("{") ? line.substring(line.indexOf('{'), line.lastIndexOf('}') + 1) : "";
      boolean all = true;
      for (String label : labels) {
        all &= labelPart.contains(label);
      }
      if (all) {
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return -1;
  }

  private RawHttp.Response get(String path) {
    return RawHttp.get("http://localhost:" + port + path);
  }

  private RawHttp.Response post(String query, String client) {
    return RawHttp.post(
        "http://localhost:" + port + "/graphql",
        "{\"query\":\"" + query + "\"}",
        "X-Forwarded-For",
        client);
  }

  private static Path siteDirectory() {
    try {
      return Files.createTempDirectory("portal-actuator-test").resolve("site");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
