package cn.qingtian.portal.attack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.qingtian.portal.LongTest;
import cn.qingtian.portal.database.DatabaseProperties;
import cn.qingtian.portal.database.DatabaseServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * Attack finding 11 (docs/reliability.md): after {@code kill -9} the portal did not come back with
 * the embedded database (the orphaned PostgreSQL kept the data directory until it was killed by
 * hand), and the embedded server ran with {@code fsync} and {@code synchronous_commit} off. The
 * portal runs as a real child JVM (the test classpath) with the embedded PostgreSQL in a temporary
 * folder, is killed with SIGKILL and restarted, and is asked over HTTP; the server's settings are
 * read from the server itself.
 */
@Tag("attack")
@LongTest
class EmbeddedPortalRestartsAfterKillAttackTest {

  private static final Pattern PORT = Pattern.compile("started on port (\\d+)");
  private static final Pattern NUMBER = Pattern.compile("\"number\"\\s*:\\s*(\\d+)");
  private static final Pattern VERSION = Pattern.compile("\"version\"\\s*:\\s*\"([^\"]+)\"");
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @TempDir Path temp;
  private final List<Portal> started = new ArrayList<>();

  @AfterEach
  void stopEverythingThisTestStarted() throws Exception {
    for (Portal portal : started) {
      portal.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    // A server the portal left behind must not outlive the test (it would on the unfixed code).
    Optional<ProcessHandle> orphan = postmaster(data()).flatMap(ProcessHandle::of);
    if (orphan.isPresent() && orphan.get().isAlive()) {
      orphan.get().destroy();
      orphan.get().onExit().get(15, TimeUnit.SECONDS);
    }
  }

  @Test
  void theEmbeddedDatabaseRunsWithDurableSettings() throws Exception {
    // The production settings: what `serve` and every command bind when nothing overrides them
    // (the test suite switches durability off for speed, in its application.properties).
    DatabaseProperties production =
        new Binder(new MapConfigurationPropertySource(Map.of()))
            .bindOrCreate("portal.database", DatabaseProperties.class);
    Map<String, String> settings;
    assertThat(production.embeddedDurable()).as("serve's default").isTrue();
    try (DatabaseServer server = DatabaseServer.embedded(data(), production.embeddedDurable())) {
      settings = serverSettings(data(), "fsync", "synchronous_commit", "full_page_writes");
    }
    System.out.println("EmbeddedPortalRestartsAfterKillAttackTest: embedded settings " + settings);
    assertThat(settings)
        .as("a power loss must not corrupt the only copy of the release history")
        .containsEntry("fsync", "on")
        .containsEntry("synchronous_commit", "on")
        .containsEntry("full_page_writes", "on");
  }

  @Test
  void aPortalKilledWithSigkillRestartsAndServesItsLastRelease() throws Exception {
    Portal first = start("first");
    String release = first.awaitRelease(Duration.ofSeconds(90));
    long server = postmaster(data()).orElseThrow();

    first.process.destroyForcibly();
    assertThat(first.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(ProcessHandle.of(server).map(ProcessHandle::isAlive))
        .as("the embedded PostgreSQL outlives a portal killed with SIGKILL")
        .contains(true);

    long restarted = System.nanoTime();
    Portal second = start("second");
    String after;
    try {
      after = second.awaitRelease(Duration.ofSeconds(60));
    } catch (AssertionError e) {
      throw new AssertionError(
          "after kill -9 a plain restart does not serve release "
              + release
              + ": "
              + e.getMessage());
    }
    long millis = (System.nanoTime() - restarted) / 1_000_000;
    assertThat(after).as("the release served after the restart").isEqualTo(release);
    assertThat(ProcessHandle.of(server).map(ProcessHandle::isAlive))
        .as("the orphaned PostgreSQL was stopped")
        .isNotEqualTo(Optional.of(true));
    assertThat(second.output()).contains("stale embedded PostgreSQL");
    System.out.println(
        "EmbeddedPortalRestartsAfterKillAttackTest: killed with SIGKILL while serving "
            + release
            + "; the restart served it again after "
            + millis
            + " ms");
  }

  @Test
  void aSecondPortalOnTheSameDataDirectoryRefusesAndStopsNothing() throws Exception {
    // The live portal's database, held as `serve` holds it (the same class, in this JVM).
    try (DatabaseServer live = DatabaseServer.embedded(data(), false)) {
      long server = postmaster(data()).orElseThrow();

      Portal intruder = start("intruder", "--portal.datasets.import-on-start=false");
      assertThat(intruder.process.waitFor(60, TimeUnit.SECONDS))
          .as("a second portal on a live portal's data directory stops")
          .isTrue();
      assertThat(intruder.process.exitValue()).isNotZero();
      assertThat(intruder.output())
          .as("and says why")
          .contains("another portal")
          .contains(data().toString());
      System.out.println(
          "EmbeddedPortalRestartsAfterKillAttackTest: the second portal said: "
              + intruder
                  .output()
                  .lines()
                  .filter(l -> l.contains("another portal"))
                  .findFirst()
                  .map(l -> l.substring(l.indexOf("another portal")))
                  .orElse(""));

      assertThat(ProcessHandle.of(server).map(ProcessHandle::isAlive))
          .as("the live portal's PostgreSQL keeps running")
          .contains(true);
      try (Connection connection =
              DriverManager.getConnection(
                  live.address().jdbcUrl(), "postgres", live.address().password());
          Statement statement = connection.createStatement();
          ResultSet rows = statement.executeQuery("select 1")) {
        assertThat(rows.next()).as("the live portal's database answers").isTrue();
      }
    }
  }

  private Path data() {
    return temp.resolve("portal-data").resolve("postgres");
  }

  private Portal start(String name, String... extra) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx384m");
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("cn.qingtian.portal.PortalApplication");
    command.add("serve");
    command.add("--server.port=0");
    command.add("--portal.database.url=");
    command.add("--portal.database.embedded-data-directory=" + data());
    command.add("--portal.datasets.demo=false");
    command.add("--portal.site.publish-on-release=false");
    command.add("--portal.site.directory=" + temp.resolve("site"));
    command.add("--portal.downloads.write-on-release=false");
    command.add("--portal.downloads.directory=" + temp.resolve("downloads"));
    command.addAll(List.of(extra));
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      Portal portal = new Portal(process, Path.of("target", "attack-restart-" + name + ".log"));
      started.add(portal);
      return portal;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The process id the data directory's {@code postmaster.pid} names, if it has one. */
  private static Optional<Long> postmaster(Path data) throws IOException {
    Path pid = data.resolve("postmaster.pid");
    if (!Files.exists(pid)) {
      return Optional.empty();
    }
    List<String> lines = Files.readAllLines(pid);
    return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
  }

  /** Asks the running embedded server itself (its port is in {@code postmaster.pid}). */
  private static Map<String, String> serverSettings(Path data, String... names)
      throws IOException, SQLException {
    Map<String, String> values = new LinkedHashMap<>();
    for (String name : names) {
      values.put(name, settingOf(data, name));
    }
    return values;
  }

  private static String settingOf(Path data, String name) throws IOException, SQLException {
    int port = Integer.parseInt(Files.readAllLines(data.resolve("postmaster.pid")).get(3).trim());
    try (Connection connection =
            DriverManager.getConnection(
                "jdbc:postgresql://localhost:" + port + "/postgres",
                "postgres",
                Files.readString(data.resolveSibling("postgres.password")).strip());
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("show " + name)) {
      rows.next();
      return rows.getString(1);
    }
  }

  /** One portal process; its output kept line by line and copied to a log under target/. */
  private static final class Portal {

    final Process process;
    final List<String> lines = new CopyOnWriteArrayList<>();

    Portal(Process process, Path log) {
      this.process = process;
      Thread reader =
          new Thread(
              () -> {
                try (BufferedReader in =
                    new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                  Files.deleteIfExists(log);
                  String line;
                  while ((line = in.readLine()) != null) {
                    lines.add(line);
                    Files.writeString(
                        log,
                        line + "\n",
                        java.nio.file.StandardOpenOption.CREATE,
                        java.nio.file.StandardOpenOption.APPEND);
                  }
                } catch (IOException e) {
                  // the process ended or was killed
                }
              },
              "attack-portal-output");
      reader.setDaemon(true);
      reader.start();
    }

    String output() {
      return String.join("\n", lines);
    }

    int awaitPort() {
      try {
        return await("the portal says its port")
            .atMost(Duration.ofSeconds(60))
            .pollDelay(Duration.ZERO)
            .pollInterval(Duration.ofMillis(50))
            .until(this::portOrExit, port -> port.isPresent())
            .orElseThrow();
      } catch (ConditionTimeoutException e) {
        throw new AssertionError("the portal did not start in 60 s:\n" + tail(), e);
      }
    }

    /** The port the portal says it listens on, if it said so yet; fails if it exited. */
    private Optional<Integer> portOrExit() {
      for (String line : lines) {
        Matcher port = PORT.matcher(line);
        if (port.find()) {
          return Optional.of(Integer.parseInt(port.group(1)));
        }
      }
      if (!process.isAlive()) {
        throw new AssertionError(
            "the portal exited with " + process.exitValue() + " before serving:\n" + tail());
      }
      return Optional.empty();
    }

    /** Waits until the API answers with a current release; its number and version. */
    String awaitRelease(Duration timeout) throws InterruptedException {
      int port = awaitPort();
      AtomicReference<String> last = new AtomicReference<>("");
      try {
        return await("the portal serves a release")
            .atMost(timeout)
            .pollDelay(Duration.ZERO)
            .pollInterval(Duration.ofMillis(200))
            .until(() -> releaseOrExit(port, last), release -> release.isPresent())
            .orElseThrow();
      } catch (ConditionTimeoutException | AssertionError e) {
        throw new AssertionError(
            (process.isAlive() ? "no release served in " + timeout : "the portal exited")
                + " (last answer: "
                + last.get()
                + "):\n"
                + tail(),
            e);
      }
    }

    /** The release the API answers with ("#number version"), if any yet; fails if it exited. */
    private Optional<String> releaseOrExit(int port, AtomicReference<String> last)
        throws InterruptedException {
      if (!process.isAlive()) {
        throw new AssertionError("the portal exited");
      }
      try {
        HttpResponse<String> answer =
            HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                    .header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(5))
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "{\"query\":\"{ currentRelease { number version } }\"}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        last.set(answer.statusCode() + " " + answer.body());
        Matcher number = NUMBER.matcher(answer.body());
        Matcher version = VERSION.matcher(answer.body());
        // Number 0 is the placeholder served before the start-up import has published.
        if (answer.statusCode() == 200
            && number.find()
            && Integer.parseInt(number.group(1)) > 0
            && version.find()) {
          return Optional.of("#" + number.group(1) + " " + version.group(1));
        }
      } catch (IOException e) {
        last.set(e.toString());
      }
      return Optional.empty();
    }

    private String tail() {
      int from = Math.max(0, lines.size() - 25);
      return String.join("\n", lines.subList(from, lines.size()));
    }
  }
}
