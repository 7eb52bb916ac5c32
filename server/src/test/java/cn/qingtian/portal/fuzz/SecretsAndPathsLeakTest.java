package cn.qingtian.portal.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qingtian.portal.ApiIntegrationTest;
import cn.qingtian.portal.DatabaseTest;
import cn.qingtian.portal.TestDatabases;
import cn.qingtian.portal.release.CurrentRelease;
import cn.qingtian.portal.site.SiteBuildScheduler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * No page, GraphQL error, download answer, actuator endpoint or log line reveals a configuration
 * secret, a file-system path of the server, or microdata. The portal runs with canary secrets in
 * its configuration (the database password in {@code portal.database.url}, the API role's password,
 * and a secret-looking property named like an environment variable); every answer a visitor can
 * provoke is scanned for them, for the server's folders and for household ids. Operator-only
 * endpoints that would list the configuration ({@code /actuator/env}, {@code configprops}, …) are
 * not served at all.
 */
@ApiIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
@DatabaseTest
class SecretsAndPathsLeakTest {

  static final String SECRET = "CANARY-PW-" + UUID.randomUUID().toString().substring(0, 8);
  static final String API_SECRET = "CANARY-API-" + UUID.randomUUID().toString().substring(0, 8);
  static final String ENV_SECRET = "CANARY-ENV-" + UUID.randomUUID().toString().substring(0, 8);
  static final Path ROOT = Path.of("target", "leak", UUID.randomUUID().toString()).toAbsolutePath();
  static final Path SITE = ROOT.resolve("site");
  static final Path DOWNLOADS = ROOT.resolve("downloads");

  @DynamicPropertySource
  static void canaries(DynamicPropertyRegistry registry) {
    registry.add("portal.database.url", () -> withPassword(TestDatabases.newImportedDatabaseUrl()));
    registry.add("portal.database.api-password", () -> API_SECRET);
    registry.add("PORTAL_ADMIN_TOKEN", () -> ENV_SECRET);
    registry.add("spring.r2dbc.password", () -> ENV_SECRET);
    registry.add("portal.site.directory", SITE::toString);
    registry.add("portal.downloads.directory", DOWNLOADS::toString);
  }

  /** The URL with a canary password (the test servers trust local connections, so it is unused). */
  static String withPassword(String url) {
    int at = url.indexOf('@');
    String userInfo = url.substring("postgresql://".length(), at);
    return userInfo.contains(":")
        ? url
        : "postgresql://" + userInfo + ":" + SECRET + url.substring(at);
  }

  @LocalServerPort int port;
  @Autowired SiteBuildScheduler publishing;
  @Autowired CurrentRelease currentRelease;

  @Test
  void noAnswerOrLogLineRevealsASecretAPathOrMicrodata(CapturedOutput output) throws Exception {
    waitForTheSiteAndTheDownloads();
    int startupLength = output.getAll().length();
    Map<String, SocketHttp.Answer> answers = new LinkedHashMap<>();
    for (String page :
        List.of(
            "/",
            "/en/",
            "/measures/P13/",
            "/en/indicators/GDP/",
            "/income/",
            "/downloads/",
            "/no-such-page",
            "/en/no-such-page/",
            "/sitemap.xml",
            "/robots.txt",
            "/graphiql",
            "/graphql/schema.graphqls",
            "/datasets/observations/latest/datapackage.json",
            "/datasets/catalog.ttl",
            "/datasets/catalog.jsonld",
            "/datasets/observations/latest/SHA256SUMS",
            "/datasets/no-such/latest/no-such.csv",
            "/datasets/BAD_NAME/latest/x.csv",
            "/datasets/observations/9.9.9/observations.csv",
            "/datasets/household-microdata/latest/household-microdata.csv",
            "/datasets/charity-donation-records/latest/charity-donation-records.csv",
            "/datasets/observations/latest/../../../etc/passwd",
            "/datasets/observations/latest/%2e%2e%2fcanary",
            "/../../etc/passwd",
            "/%2e%2e/%2e%2e/etc/passwd",
            "/graphql?query=mutation%7Bx%7D",
            "/graphql?query=%7B__typename%7D&variables=%5B%5D",
            "/graphql?query=%7Bnope%7D",
            "/graphql?query=%7B",
            "/graphql?extensions=%7B%22persistedQuery%22%3A%7B%22version%22%3A1%2C%22sha256Hash%22%3A%22"
                + "0".repeat(64)
                + "%22%7D%7D")) {
      answers.put("GET " + page, SocketHttp.exchange(port, HttpFuzzTest.get(page), 60_000));
    }
    List<String> actuatorServed = new ArrayList<>();
    for (String endpoint :
        List.of(
            "",
            "/health",
            "/health/liveness",
            "/health/readiness",
            "/health/db",
            "/info",
            "/env",
            "/env/portal.database.url",
            "/configprops",
            "/beans",
            "/mappings",
            "/heapdump",
            "/threaddump",
            "/loggers",
            "/metrics",
            "/conditions",
            "/scheduledtasks",
            "/startup",
            "/caches",
            "/logfile",
            "/prometheus",
            "/sbom",
            "/httpexchanges")) {
      SocketHttp.Answer answer =
          SocketHttp.exchange(port, HttpFuzzTest.get("/actuator" + endpoint), 60_000);
      answers.put("GET /actuator" + endpoint, answer);
      if (answer.status() == 200) {
        actuatorServed.add("/actuator" + endpoint);
      }
    }
    for (String body : graphQlErrors()) {
      answers.put(
          "POST " + body.substring(0, Math.min(80, body.length())),
          SocketHttp.exchange(
              port,
              HttpFuzzTest.request(
                  "POST",
                  "/graphql",
                  List.of("Content-Type: application/json"),
                  body.getBytes(StandardCharsets.UTF_8)),
              60_000));
    }
    answers.put(
        "POST text/plain",
        SocketHttp.exchange(
            port,
            HttpFuzzTest.request(
                "POST",
                "/graphql",
                List.of("Content-Type: text/plain"),
                "{".getBytes(StandardCharsets.UTF_8)),
            60_000));
    answers.put(
        "POST 2 MB",
        SocketHttp.exchange(
            port,
            HttpFuzzTest.request(
                "POST",
                "/graphql",
                List.of("Content-Type: application/json"),
                ("{\"query\":\"" + " ".repeat(2_000_000) + "{__typename}\"}")
                    .getBytes(StandardCharsets.UTF_8)),
            60_000));

    assertThat(answers.get("GET /").status()).isEqualTo(200);
    assertThat(answers.get("GET /no-such-page").status()).isEqualTo(404);
    assertThat(answers.get("GET /datasets/no-such/latest/no-such.csv").status()).isEqualTo(404);
    assertThat(answers.get("GET /datasets/BAD_NAME/latest/x.csv").status()).isEqualTo(400);
    assertThat(actuatorServed)
        .as("actuator endpoints answering")
        .containsExactlyInAnyOrder(
            "/actuator",
            "/actuator/health",
            "/actuator/health/liveness",
            "/actuator/health/readiness",
            "/actuator/info",
            "/actuator/prometheus");
    assertThat(answers.get("GET /actuator/env").status()).isEqualTo(404);
    assertThat(answers.get("GET /actuator/configprops").status()).isEqualTo(404);

    List<String> forbidden = forbidden();
    for (Map.Entry<String, SocketHttp.Answer> entry : answers.entrySet()) {
      SocketHttp.Answer answer = entry.getValue();
      assertThat(answer.status()).as(entry.getKey()).isBetween(200, 499);
      String text = answer.headers() + "\n" + answer.text();
      for (String marker : forbidden) {
        if (entry.getKey().equals("GET /actuator/prometheus") && marker.equals("Exception")) {
          // Metrics name the exception class of failed requests in a tag, e.g.
          // exception="NoResourceFoundException": a class name, never a trace, path or secret.
          continue;
        }
        assertThat(text).as(entry.getKey() + " reveals " + marker).doesNotContain(marker);
      }
    }
    try (Stream<Path> files = Files.walk(SITE.toRealPath())) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        String text = Files.readString(file, StandardCharsets.ISO_8859_1);
        for (String marker : forbidden) {
          assertThat(text)
              .as("site file " + file.getFileName() + " reveals " + marker)
              .doesNotContain(marker);
        }
      }
    }
    // The log is for operators, who may see where the data lives; never a secret or microdata.
    String log = output.getAll();
    for (String marker : List.of(SECRET, API_SECRET, ENV_SECRET, "HH000")) {
      assertThat(log).as("the log reveals " + marker).doesNotContain(marker);
    }
    // What visitors provoke is logged without the server's paths.
    String requestLog = log.substring(Math.min(startupLength, log.length()));
    for (String marker : forbidden) {
      assertThat(requestLog)
          .as("a log line provoked by a request reveals " + marker)
          .doesNotContain(marker);
    }
  }

  private void waitForTheSiteAndTheDownloads() throws InterruptedException {
    PublishedSite.publish(publishing, currentRelease, SITE);
    assertThat(
            SocketHttp.exchange(
                    port,
                    HttpFuzzTest.get("/datasets/observations/latest/observations.csv"),
                    120_000)
                .status())
        .isEqualTo(200);
  }

  /** Requests that end in each kind of GraphQL error the portal gives. */
  private static List<String> graphQlErrors() {
    return List.of(
        "{\"query\":\"{ currentRelease { version }\"}",
        "{\"query\":\"{ nope }\"}",
        "{\"query\":\"{ measures(first: 1000) { nodes { code } } }\"}",
        "{\"query\":\"{ measures(first: -1) { nodes { code } } }\"}",
        "{\"query\":\"{ measures(after: \\\"garbage\\\") { nodes { code } } }\"}",
        "{\"query\":\"{ node(id: \\\"garbage\\\") { id } }\"}",
        "{\"query\":\"{ node(id: \\\"SG91c2Vob2xkOkhIMDAwMDE=\\\") { id } }\"}",
        "{\"query\":\"{ nodes(ids: [\\\"x\\\"]) { id } }\"}",
        "{\"query\":\"{ release(version: \\\"../../etc/passwd\\\") { version } }\"}",
        "{\"query\":\"{ dataset(name: \\\"household-microdata\\\") { name } }\"}",
        "{\"query\":\"{ dataset(id: \\\"x\\\", name: \\\"y\\\") { name } }\"}",
        "{\"query\":\"{ indicator(code: \\\"%00\\\") { code } }\"}",
        "{\"query\":\"{ search(query: \\\"" + "x".repeat(5_000) + "\\\") { totalCount } }\"}",
        "{\"query\":\"query Q($n: Int) { measures(first: $n) { nodes { code } } }\",\"variables\":{\"n\":\"x\"}}",
        "{\"query\":\"{ __schema { types { fields { type { fields { type { fields { type { fields { name } } } } } } } } } }\"}",
        "{\"query\":\"{ measures { nodes { indicators { nodes { measures { nodes { indicators { nodes { measures { nodes { indicators { nodes { measures { nodes { code } } } } } } } } } } } } } } }\"}",
        "{\"query\":\"{ ...A } fragment A on Query { ...A }\"}",
        "{\"query\":\"query A { __typename } query B { __typename }\"}",
        "{\"query\":\"query A { __typename }\",\"operationName\":\"Z\"}",
        "{\"query\":\"subscription { achievementPublished { id } }\"}",
        "{\"query\":\"mutation { x }\"}",
        "{\"extensions\":{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\""
            + "0".repeat(64)
            + "\"}}}",
        "{\"query\":\"{ __typename }\",\"extensions\":{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\""
            + "0".repeat(64)
            + "\"}}}",
        "{\"query\": 5}",
        "{",
        "[]",
        "{\"query\":\"{ incomeDistribution(year: 1900, table: T01) { cells { count } } }\"}",
        "{\"query\":\"{ incomeStatistics(year: 99999999999) { value } }\"}");
  }

  /** Secrets, the server's folders, and microdata markers. */
  private static List<String> forbidden() throws IOException {
    List<String> markers = new ArrayList<>(List.of(SECRET, API_SECRET, ENV_SECRET));
    markers.add(Path.of("").toAbsolutePath().toString());
    markers.add(SITE.toString());
    markers.add(SITE.toRealPath().toString());
    markers.add(DOWNLOADS.toString());
    markers.add(ROOT.toString());
    markers.addAll(List.of("/tmp/", "/root/", "portal-data/"));
    markers.addAll(
        List.of("HH000", "household_microdata", "charity_donation_records", "private.household"));
    markers.addAll(List.of("Exception", "at cn.", "at org.", ".java:"));
    return markers;
  }
}
