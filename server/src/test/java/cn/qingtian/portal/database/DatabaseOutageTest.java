package cn.qingtian.portal.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.qingtian.portal.LongTest;
import cn.qingtian.portal.RawHttp;
import cn.qingtian.portal.dataset.ImportResult;
import cn.qingtian.portal.dataset.PackageFixture;
import cn.qingtian.portal.dataset.PackageImporter;
import cn.qingtian.portal.dataset.PackageValidator;
import cn.qingtian.portal.dataset.ValidatedPackage;
import cn.qingtian.portal.release.CurrentRelease;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * PostgreSQL stopped under load and killed during an import, with the portal left running: files
 * and remembered answers keep being served, everything else fails fast with a 503 and {@code
 * Retry-After}, health reports the outage, and when the database returns the portal recovers by
 * itself; an import cut off midway leaves the previous release whole and live.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "portal.release.poll-interval=200ms",
      "portal.site.directory=target/test-site/${random.uuid}",
      "portal.downloads.directory=target/test-downloads/${random.uuid}",
      "portal.api.rate-limit.enabled=false",
      // A site build the loaded test machine starves of connections is tried again soon.
      "portal.site.retry-after=2s"
    })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@LongTest
class DatabaseOutageTest {

  private static final RestartablePostgres POSTGRES = RestartablePostgres.start();
  private static final String CACHED =
      "{ currentRelease { version } indicators(first: 3) { nodes { code } } }";
  private static final String CSV = "/datasets/observations/latest/observations.csv";
  private static final String CHANGED = "RURAL_DISPOSABLE_INCOME_PER_CAPITA,331121,2019,_T,";

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("portal.database.url", POSTGRES::url);
  }

  @AfterAll
  static void stopDatabase() throws Exception {
    POSTGRES.close();
  }

  @LocalServerPort int port;
  @Autowired PackageImporter importer;
  @Autowired CurrentRelease current;
  @TempDir Path temp;

  @Test
  @Order(1)
  void whileTheDatabaseIsDownFilesAndRememberedAnswersAreServedAndTheRestFailsFastWithA503()
      throws Exception {
    waitFor(() -> RawHttp.get(url("/")), 200, Duration.ofMinutes(3));
    waitFor(() -> RawHttp.get(url(CSV)), 200, Duration.ofMinutes(1));
    String remembered = graphQl(CACHED).text();
    assertThat(graphQl(CACHED).text()).isEqualTo(remembered);
    assertThat(RawHttp.get(url("/actuator/health")).status()).isEqualTo(200);

    Load load = new Load(6);
    try (load) {
      // Not a wait: a fixed period of load with the database up, to compare with the outage.
      Thread.sleep(3000);
      load.phase = "stopping";
      // Requests counted as "before" finish first: one still running when the database goes may
      // fail (that is the promise for requests made while it is down, counted apart).
      await("every request started before the outage has its answer")
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(20))
          .until(() -> load.noneStartedIn("before"));
      POSTGRES.stop();
      load.phase = "down";

      long started = System.nanoTime();
      RawHttp.Response unavailable = graphQl(uncachedQuery(0));
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
      assertThat(unavailable.status()).as(unavailable.text()).isEqualTo(503);
      assertThat(unavailable.header("Retry-After")).hasValue("5");
      assertThat(unavailable.header("Cache-Control")).hasValue("no-store");
      assertThat(unavailable.text())
          .contains("\"code\":\"DATABASE_UNAVAILABLE\"", "数据库暂时不可用", "try again shortly")
          .doesNotContain("Exception", "at cn.", "localhost:", "postgres");
      assertThat(RawHttp.get(url("/graphql?query=" + encoded(uncachedQuery(1)))).status())
          .isEqualTo(503);
      assertThat(graphQl(CACHED).text()).isEqualTo(remembered);
      RawHttp.Response health = RawHttp.get(url("/actuator/health"));
      assertThat(health.status()).isEqualTo(503);
      assertThat(health.text()).contains("\"status\":\"DOWN\"");
      assertThat(RawHttp.get(url("/actuator/health/liveness")).status()).isEqualTo(200);
      // Not a wait: a fixed period of load while the database is down.
      Thread.sleep(4000);

      load.phase = "starting";
      POSTGRES.startAgain();
      assertThat(waitFor(() -> graphQl(uncachedQuery(2)), 200, Duration.ofSeconds(30)).text())
          .doesNotContain("errors");
      waitFor(() -> RawHttp.get(url("/actuator/health")), 200, Duration.ofSeconds(30));
      load.phase = "recovered";
      // Not a wait: a fixed period of load after the recovery.
      Thread.sleep(3000);
    } finally {
      System.out.println("Answers under load, by phase and request: " + load.answers);
    }

    for (String kind : List.of("site", "download", "remembered", "new query")) {
      assertThat(load.statuses("before", kind)).as(kind).containsOnlyKeys(200);
      assertThat(load.statuses("recovered", kind)).as(kind).containsOnlyKeys(200);
    }
    for (String kind : List.of("site", "download", "remembered")) {
      assertThat(load.statuses("down", kind)).as(kind).containsOnlyKeys(200);
    }
    assertThat(load.statuses("down", "new query")).containsOnlyKeys(503);
    assertThat(load.slowest()).isLessThan(Duration.ofSeconds(6));
  }

  @Test
  @Order(2)
  void anImportCutOffByADatabaseCrashLeavesThePreviousReleaseWholeAndLive() throws Exception {
    String before = currentVersion();
    long releasesBefore = count("select count(*) from release");
    long observationsBefore = count("select count(*) from observations where valid_to is null");
    ValidatedPackage changed =
        PackageValidator.validate(
                List.of(
                    PackageFixture.copyOfBundled(temp)
                        .version("9.0.0")
                        .replace("observations.csv", CHANGED + "25222,", CHANGED + "25300,")
                        .directory(),
                    PackageFixture.DEMO))
            .valid()
            .orElseThrow();
    AtomicInteger tables = new AtomicInteger();

    Throwable failure = null;
    try {
      importer.importPackage(
          changed,
          false,
          "cut off",
          message -> {
            if (tables.incrementAndGet() == 3) {
              try {
                POSTGRES.kill(); // midway: the release row and two tables written, not committed
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            }
          });
    } catch (Exception e) {
      failure = e;
    }
    assertThat(failure).as("the import must fail when its database dies").isNotNull();
    assertThat(tables.get()).isEqualTo(3);

    POSTGRES.startAgain();
    assertThat(count("select count(*) from release")).isEqualTo(releasesBefore);
    assertThat(count("select count(*) from observations where valid_to is null"))
        .isEqualTo(observationsBefore);
    assertThat(
            waitFor(() -> graphQl("{ currentRelease { version } }"), 200, Duration.ofSeconds(30))
                .text())
        .contains(before);
    assertThat(
            count(
                "select count(*) from pg_locks where locktype = 'advisory' or (relation ="
                    + " to_regclass('private.import_lock') and database = (select oid from"
                    + " pg_database where datname = current_database()))"))
        .as("the import lock is free")
        .isZero();

    ImportResult retried = importer.importPackage(changed, false, "again", message -> {});
    assertThat(retried.outcome()).isEqualTo(ImportResult.Outcome.PUBLISHED);
    waitUntil(
        "release 9.0.0 is served",
        () -> graphQl("{ currentRelease { version } }").text().contains("9.0.0"),
        Duration.ofSeconds(30));
  }

  private String currentVersion() {
    return current.get().version();
  }

  private long count(String sql) throws Exception {
    try (Connection connection = DriverManager.getConnection(POSTGRES.jdbcUrl());
        ResultSet rows = connection.createStatement().executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  /** A query nobody asked before, so the response cache cannot answer it. */
  private static String uncachedQuery(int n) {
    return "{ q" + n + ": departments(first: 5) { nodes { code } } }";
  }

  /**
   * Clients sending, in turn, a site page, a download, a remembered query and a query never asked
   * before, until closed; each answer's status is counted under the phase its request started in.
   */
  private final class Load implements AutoCloseable {

    final Map<String, Map<Integer, Integer>> answers = new ConcurrentSkipListMap<>();
    private final AtomicLong slowestNanos = new AtomicLong();
    private static final List<String> KINDS =
        List.of("site", "download", "remembered", "new query");

    volatile String phase = "before";

    /** Per client, the phase its current request started in (each client sends one at a time). */
    private final AtomicReferenceArray<String> current;

    private volatile boolean running = true;
    private final AtomicInteger sequence = new AtomicInteger(1000);
    private final ExecutorService clients;

    Load(int count) {
      clients = Executors.newFixedThreadPool(count);
      current = new AtomicReferenceArray<>(count);
      for (int i = 0; i < count; i++) {
        int first = i;
        clients.execute(
            () -> {
              for (int n = first; running; n++) {
                String kind = KINDS.get(n % KINDS.size());
                String during = phase;
                current.set(first, during);
                long start = System.nanoTime();
                int status;
                try {
                  status = send(kind).status();
                } catch (RuntimeException e) {
                  status = -1; // no answer at all
                }
                slowestNanos.accumulateAndGet(System.nanoTime() - start, Math::max);
                answers
                    .computeIfAbsent(during + " / " + kind, k -> new ConcurrentSkipListMap<>())
                    .merge(status, 1, Integer::sum);
              }
            });
      }
    }

    private RawHttp.Response send(String kind) {
      return switch (kind) {
        case "site" -> RawHttp.get(url("/"));
        case "download" -> RawHttp.get(url(CSV));
        case "remembered" -> graphQl(CACHED);
        default -> graphQl(uncachedQuery(sequence.incrementAndGet()));
      };
    }

    Map<Integer, Integer> statuses(String phase, String kind) {
      Map<Integer, Integer> counted = answers.get(phase + " / " + kind);
      assertThat(counted).as("answers while " + phase + " to " + kind).isNotEmpty();
      return counted;
    }

    /** Whether no client is still waiting for an answer to a request started in this phase. */
    boolean noneStartedIn(String phase) {
      for (int i = 0; i < current.length(); i++) {
        if (phase.equals(current.get(i))) {
          return false;
        }
      }
      return true;
    }

    Duration slowest() {
      return Duration.ofNanos(slowestNanos.get());
    }

    @Override
    public void close() throws InterruptedException {
      running = false;
      clients.shutdown();
      assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    }
  }

  private RawHttp.Response graphQl(String query) {
    return RawHttp.post(url("/graphql"), "{\"query\":\"" + query.replace("\"", "\\\"") + "\"}");
  }

  private static RawHttp.Response waitFor(
      Supplier<RawHttp.Response> request, int status, Duration patience) {
    AtomicReference<RawHttp.Response> answer = new AtomicReference<>();
    await("an answer " + status)
        .atMost(patience)
        .pollInterval(Duration.ofMillis(200))
        // the server or the database is still starting
        .ignoreExceptionsInstanceOf(RuntimeException.class)
        .untilAsserted(
            () -> {
              RawHttp.Response last = request.get();
              assertThat(last.status()).as(last.text()).isEqualTo(status);
              answer.set(last);
            });
    return answer.get();
  }

  private static void waitUntil(String what, Supplier<Boolean> condition, Duration patience) {
    await(what).atMost(patience).pollInterval(Duration.ofMillis(100)).until(condition::get);
  }

  private static String encoded(String query) {
    return java.net.URLEncoder.encode(query, java.nio.charset.StandardCharsets.UTF_8);
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }
}
