package cn.qingtian.portal.database;

import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A real PostgreSQL server of a test's own, which the test can stop, kill and start again on the
 * same port and data, as an operator or a crash would: the portal sees it as an external database.
 */
final class RestartablePostgres implements AutoCloseable {

  private final Path dataDirectory;
  private final int port;
  private EmbeddedPostgres server;

  private RestartablePostgres(Path dataDirectory, int port) {
    this.dataDirectory = dataDirectory;
    this.port = port;
  }

  static RestartablePostgres start() {
    try {
      Path directory = Files.createTempDirectory("portal-outage-pg");
      int port;
      try (ServerSocket socket = new ServerSocket(0)) {
        port = socket.getLocalPort();
      }
      RestartablePostgres postgres = new RestartablePostgres(directory, port);
      postgres.startAgain();
      return postgres;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String url() {
    return "postgresql://postgres@localhost:" + port + "/postgres";
  }

  String jdbcUrl() {
    return "jdbc:postgresql://localhost:" + port + "/postgres?user=postgres";
  }

  /** Starts the server on the same port and data directory (after a kill: with crash recovery). */
  void startAgain() throws IOException {
    server =
        EmbeddedPostgres.builder()
            .setDataDirectory(dataDirectory)
            .setCleanDataDirectory(false)
            .setPort(port)
            .start();
  }

  /** Stops the server as {@code pg_ctl stop} does (fast: sessions are ended, work rolled back). */
  void stop() throws IOException {
    server.close();
  }

  /** Kills the postmaster with SIGKILL, as a crash or the OOM killer would. */
  void kill() throws Exception {
    long pid = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0));
    ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
    postmaster.destroyForcibly();
    postmaster.onExit().get(10, TimeUnit.SECONDS);
    // Its backends notice the postmaster's death and leave; the next start recovers from the WAL.
    await("the backends of the killed postmaster " + pid + " have left")
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(50))
        .until(
            () ->
                ProcessHandle.allProcesses()
                    .noneMatch(p -> p.parent().map(parent -> parent.pid() == pid).orElse(false)));
    try {
      server.close(); // releases the data directory's lock; pg_ctl finds nothing to stop
    } catch (IOException | RuntimeException alreadyDead) {
      // expected: the server is gone
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
