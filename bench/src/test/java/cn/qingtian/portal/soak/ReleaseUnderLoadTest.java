package cn.qingtian.portal.soak;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qingtian.portal.TestDatabases;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The fast part of the soak (bench/soak): while a few clients query the portal (GraphQL documents
 * of the site, newsroom queries, searches, download files), the {@code import} command in another
 * OS process publishes a new release into the same PostgreSQL. No request may fail, no response may
 * mix the two releases (each names its release, and the one changed observation must have that
 * release's value in answers and files), and the new release is served within the poll interval (2
 * s) and its preparation after the import commits.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      // All load comes from one address; the limit is tested elsewhere.
      "portal.api.rate-limit.enabled=false",
      "portal.site.publish-on-release=false",
      "portal.downloads.directory=target/test-downloads/${random.uuid}",
      "portal.datasets.directory=../datasets"
    })
class ReleaseUnderLoadTest {

  private static final String DATABASE = TestDatabases.newImportedDatabaseUrl();
  private static final Duration POLL_INTERVAL = Duration.ofSeconds(2);
  // The new release is served once prepared (search index, progress, downloads, hottest answers):
  // 12.6 s after the commit under this load on a quiet 2-core machine; more on a busy one.
  private static final Duration MARGIN = Duration.ofSeconds(25);
  private static final int CLIENTS = 4;
  private static final Duration IMPORT_TIMEOUT = Duration.ofMinutes(5);

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("portal.database.url", () -> DATABASE);
  }

  @LocalServerPort int port;
  @TempDir Path temp;

  @Test
  void aReleaseImportedByAnotherProcessUnderLoadFailsNoRequestAndMixesNoReleases()
      throws Exception {
    URI base = URI.create("http://127.0.0.1:" + port);
    NextRelease next = NextRelease.write(Path.of("..", "datasets"), temp.resolve("next"));
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    // The workload learns the files of the release served now as the old release's: only right
    // when the database does not hold the new one yet (not so in a rerun in the same JVM).
    assertThat(SoakLoad.currentVersion(client, base))
        .as("the release served before the import")
        .isEqualTo(next.oldVersion());
    Workload workload = Workload.discover(client, base, next, false);
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "cn.qingtian.portal.PortalApplication"));
    command.addAll(next.importArguments(DATABASE));

    long start = System.nanoTime();
    Recorder recorder = new Recorder(start, next.oldVersion());
    try (ReleaseSwitch release = new ReleaseSwitch(command, temp.resolve("import.log"), DATABASE)) {
      release.start();
      // A few clients, each sending its next request when answered (so a slow machine is not
      // overloaded), until the new release has been served for 3 s. The import process takes
      // 15-20 s on a quiet machine and minutes on a busy one: up to 5 minutes are allowed.
      new LoadDriver(client, workload)
          .closedLoop(
              CLIENTS,
              recorder,
              IMPORT_TIMEOUT,
              () -> {
                Long seen = recorder.firstSeen("graphql", next.newVersion());
                return seen != null && System.nanoTime() - seen > Duration.ofSeconds(3).toNanos();
              });
      assertThat(release.await(IMPORT_TIMEOUT.toSeconds()))
          .as(Files.readString(release.log()))
          .isZero();

      assertThat(recorder.errors())
          .as("failed requests of %d: %s", recorder.requests(), recorder.samples())
          .isZero();
      assertThat(recorder.mixed())
          .as("mixed responses of %d: %s", recorder.requests(), recorder.samples())
          .isZero();
      assertThat(recorder.firstSeen("graphql", next.oldVersion()))
          .as("answers from the old release during the load")
          .isNotNull();
      assertThat(release.committed()).as("the import's commit was announced").isPositive();
      Long served = recorder.firstSeen("graphql", next.newVersion());
      assertThat(served).as("the new release was served under load").isNotNull();
      assertThat(Duration.ofNanos(served - release.committed()))
          .isLessThanOrEqualTo(POLL_INTERVAL.plus(MARGIN));
      System.out.printf(
          "release under load: %d requests %s, 0 errors, 0 mixed; commit at %.1f s,"
              + " new release served %.2f s after it%n",
          recorder.requests(),
          recorder.requestsByKind(),
          (release.committed() - start) / 1e9,
          (served - release.committed()) / 1e9);
    }

    // Afterwards, the changed observation has its new value, in the new release.
    Workload.Call probe =
        workload.all().stream()
            .filter(c -> c.label().equals("probe observation"))
            .findFirst()
            .orElseThrow();
    Outcome after =
        probe.check().judge(client.send(probe.request(), HttpResponse.BodyHandlers.ofByteArray()));
    assertThat(after.error()).isNull();
    assertThat(after.mixed()).isNull();
    assertThat(after.release()).isEqualTo(next.newVersion());
  }
}
