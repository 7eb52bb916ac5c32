package cn.qingtian.portal.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.qingtian.portal.LongTest;
import cn.qingtian.portal.PortalApplication;
import cn.qingtian.portal.RawHttp;
import cn.qingtian.portal.TestDatabases;
import cn.qingtian.portal.dataset.PackageFixture;
import cn.qingtian.portal.dataset.PackageImporter;
import cn.qingtian.portal.dataset.PackageValidator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two stateless portal instances on one PostgreSQL, as behind a load balancer: each with its own
 * site build and downloads folder, both answering the same release with the same bytes, and both
 * moving to a new release within the release poll interval and its preparation once it is imported.
 */
@LongTest
class TwoInstancesTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path DOCUMENTS =
      Path.of("..", "site", "src", "main", "resources", "graphql");
  private static final long POLL_MILLIS = 2_000;
  private static final long PREPARATION_MILLIS = 10_000;

  @TempDir Path temp;

  @Test
  void twoInstancesOnOneDatabaseServeTheSameReleaseAndSwitchToTheNextOneTogether()
      throws Exception {
    String database = TestDatabases.newDatabaseUrl();
    List<String> report = new ArrayList<>();
    // The first instance imports the bundled datasets at start; the second finds them published.
    try (ConfigurableApplicationContext one = start(database, "one");
        ConfigurableApplicationContext two = start(database, "two")) {
      String a = base(one);
      String b = base(two);

      JsonNode release = answer(a, "{ currentRelease { number version contentHash } }", Map.of());
      assertThat(release.at("/data/currentRelease/number").asInt()).isEqualTo(1);
      Map<String, JsonNode> firstAnswers = assertSameAnswers(a, b);
      assertThat(firstAnswers).hasSizeGreaterThanOrEqualTo(6);
      String csv = "/datasets/measures/latest/measures.csv";
      String firstCsv = sha256(a, csv);
      assertThat(sha256(b, csv)).isEqualTo(firstCsv);
      assertSamePages(a, b);
      report.add(
          "release #1 "
              + release.at("/data/currentRelease/version").asText()
              + ": "
              + firstAnswers.size()
              + " GraphQL answers, the measures CSV, 5 site pages"
              + " identical on both instances");

      var changed =
          PackageValidator.validate(
                  List.of(
                      PackageFixture.copyOfBundled(temp.resolve("changed"))
                          .version("1.1.0")
                          .replace("measures.csv", "扩大就业容量", "扩大就业容量（修订）")
                          .directory(),
                      PackageFixture.DEMO))
              .valid()
              .orElseThrow();
      one.getBean(PackageImporter.class).importPackage(changed, false, null, message -> {});
      long committed = System.nanoTime();
      CompletableFuture<Long> switchOne =
          CompletableFuture.supplyAsync(() -> switchMillis(a, committed));
      CompletableFuture<Long> switchTwo =
          CompletableFuture.supplyAsync(() -> switchMillis(b, committed));
      long latencyOne = switchOne.join();
      long latencyTwo = switchTwo.join();
      report.add(
          "release #2 served "
              + latencyOne
              + " ms (instance one) and "
              + latencyTwo
              + " ms (instance two) after its commit; poll interval "
              + POLL_MILLIS
              + " ms");
      // Each serves it once it is prepared (search index, progress, downloads, hottest answers):
      // about 1 s on a quiet machine, up to 6 s on a loaded one.
      assertThat(latencyOne).isLessThan(POLL_MILLIS + PREPARATION_MILLIS);
      assertThat(latencyTwo).isLessThan(POLL_MILLIS + PREPARATION_MILLIS);

      Map<String, JsonNode> secondAnswers = assertSameAnswers(a, b);
      assertThat(secondAnswers.get("currentRelease").at("/data/currentRelease/number").asInt())
          .isEqualTo(2);
      assertThat(secondAnswers).isNotEqualTo(firstAnswers);
      String secondCsv = sha256(a, csv);
      assertThat(secondCsv).as("release 2 revised a measure's title").isNotEqualTo(firstCsv);
      assertThat(sha256(b, csv)).isEqualTo(secondCsv);
      System.out.println("TwoInstancesTest:\n  " + String.join("\n  ", report));
    }
  }

  private ConfigurableApplicationContext start(String database, String name) {
    return new SpringApplicationBuilder(PortalApplication.class)
        .run(
            "--server.port=0",
            "--portal.database.url=" + database,
            "--portal.site.directory=" + temp.resolve(name).resolve("site"),
            "--portal.downloads.directory=" + temp.resolve(name).resolve("downloads"),
            // On a loaded test machine a first query of a release can take longer than 10 s.
            "--portal.api.request-timeout=120s",
            // The site's own documents, asked over HTTP here, cost more than a client's window.
            "--portal.api.rate-limit.cost-per-window=10000000",
            "--spring.jmx.enabled=false");
  }

  private static String base(ConfigurableApplicationContext context) {
    return "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
  }

  /** The same queries asked of both instances: their answers without per-request extensions. */
  private static Map<String, JsonNode> assertSameAnswers(String a, String b) throws Exception {
    Map<String, JsonNode> answers = new LinkedHashMap<>();
    Map<String, Object> zh = Map.of("lang", "ZH");
    Map<String, Object> en = Map.of("lang", "EN");
    Map<String, String> queries = new LinkedHashMap<>();
    queries.put("currentRelease", "{ currentRelease { number version contentHash note } }");
    queries.put(
        "search",
        "{ search(query: \"就业\", first: 10) { totalCount nodes { __typename } facets { __typename } } }");
    List<Object[]> documents =
        List.<Object[]>of(
            new Object[] {"overview", Map.of("plan", "qt-kzt-2021-2025", "lang", "ZH")},
            new Object[] {"indicators", zh},
            new Object[] {"indicators", en},
            new Object[] {"measures", zh},
            new Object[] {"charities", zh},
            new Object[] {"downloads", zh},
            new Object[] {"releases", Map.of()});
    for (var entry : queries.entrySet()) {
      answers.put(entry.getKey(), sameAnswer(a, b, entry.getValue(), Map.of()));
    }
    for (Object[] document : documents) {
      String query = Files.readString(DOCUMENTS.resolve(document[0] + ".graphql"));
      @SuppressWarnings("unchecked")
      Map<String, Object> variables = (Map<String, Object>) document[1];
      answers.put(document[0] + " " + variables, sameAnswer(a, b, query, variables));
    }
    return answers;
  }

  private static JsonNode sameAnswer(
      String a, String b, String query, Map<String, Object> variables) throws Exception {
    JsonNode fromA = answer(a, query, variables);
    JsonNode fromB = answer(b, query, variables);
    assertThat(fromA.has("errors")).as(fromA.toString()).isFalse();
    assertThat(fromB).as("the same query on both instances: %s", query).isEqualTo(fromA);
    return fromA;
  }

  private static JsonNode answer(String base, String query, Map<String, Object> variables)
      throws Exception {
    String body = JSON.writeValueAsString(Map.of("query", query, "variables", variables));
    RawHttp.Response response = RawHttp.post(base + "/graphql", body);
    assertThat(response.status()).as(response.text()).isEqualTo(200);
    ObjectNode answer = (ObjectNode) JSON.readTree(response.body());
    // extensions: this request's cost, rate limit and release; per request, not per instance
    answer.remove("extensions");
    return answer;
  }

  private static long switchMillis(String base, long committed) {
    await(base + " serves release 2")
        .atMost(Duration.ofSeconds(30))
        .pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofMillis(10))
        .until(
            () ->
                answer(base, "{ currentRelease { number } }", Map.of())
                    .at("/data/currentRelease/number")
                    .asInt(),
            number -> number == 2);
    return (System.nanoTime() - committed) / 1_000_000;
  }

  /** Each instance builds its own site: both are asked until both have one, then compared. */
  private static void assertSamePages(String a, String b) throws InterruptedException {
    for (String page : List.of("/", "/indicators/", "/en/plan/", "/downloads/", "/sitemap.xml")) {
      byte[] fromA = awaitPage(a + page);
      byte[] fromB = awaitPage(b + page);
      assertThat(new String(fromB, java.nio.charset.StandardCharsets.UTF_8))
          .as("page %s on both instances", page)
          .isEqualTo(new String(fromA, java.nio.charset.StandardCharsets.UTF_8));
    }
  }

  private static byte[] awaitPage(String url) {
    return await(url + " answers 200")
        .atMost(Duration.ofSeconds(300))
        .pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofMillis(200))
        .until(() -> RawHttp.get(url), response -> response.status() == 200)
        .body();
  }

  private static String sha256(String base, String path) throws InterruptedException {
    byte[] body = awaitPage(base + path);
    return PublishedFiles.sha256(body);
  }
}
