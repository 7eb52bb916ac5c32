package cn.qingtian.portal.soak;

import cn.qingtian.portal.database.DatabaseAddress;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Imports the next release from a separate OS process while the load runs, and notes when: the
 * process's start and end, and the commit as the database announces it ({@code LISTEN
 * portal_release}, which the importer notifies at commit).
 */
final class ReleaseSwitch implements AutoCloseable {

  private final List<String> command;
  private final Path log;
  private final Connection listener;
  private volatile long started;
  private volatile long ended;
  private volatile long committed;
  private volatile int exitCode = Integer.MIN_VALUE;
  private Thread thread;
  private volatile Process process;

  /**
   * @param command the whole command line ({@code java … import <dirs> --portal.database.url=…})
   * @param log where the process's output goes
   * @param databaseUrl the portal's database URL, to listen for the commit
   */
  ReleaseSwitch(List<String> command, Path log, String databaseUrl) throws SQLException {
    this.command = List.copyOf(command);
    this.log = log;
    DatabaseAddress address = DatabaseAddress.parse(databaseUrl);
    Properties credentials = new Properties();
    credentials.setProperty("user", address.username());
    if (address.password() != null) {
      credentials.setProperty("password", address.password());
    }
    listener = DriverManager.getConnection(address.jdbcUrl(), credentials);
    try (Statement statement = listener.createStatement()) {
      statement.execute("listen portal_release");
    }
  }

  /** The import's CPU priority, as the command line sets it: {@code nice -n 19}, or the default. */
  String priority() {
    return command.get(0).equals("nice") ? String.join(" ", command.subList(0, 3)) : "default";
  }

  /** Starts the import in the background. */
  void start() {
    thread =
        new Thread(
            () -> {
              try {
                started = System.nanoTime();
                process =
                    new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile())
                        .start();
                while (process.isAlive()) {
                  PGNotification[] notes =
                      listener.unwrap(PGConnection.class).getNotifications(200);
                  if (notes != null && notes.length > 0 && committed == 0) {
                    committed = System.nanoTime();
                  }
                }
                exitCode = process.waitFor();
                ended = System.nanoTime();
                PGNotification[] late = listener.unwrap(PGConnection.class).getNotifications(500);
                if (late != null && late.length > 0 && committed == 0) {
                  committed = System.nanoTime();
                }
              } catch (IOException | SQLException e) {
                exitCode = -2;
                ended = System.nanoTime();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "release-import");
    thread.start();
  }

  /** Waits for the import to end; its exit code. */
  int await(long seconds) throws InterruptedException {
    thread.join(TimeUnit.SECONDS.toMillis(seconds));
    return exitCode;
  }

  long started() {
    return started;
  }

  long ended() {
    return ended;
  }

  /** When the commit was announced (System.nanoTime), or 0. */
  long committed() {
    return committed;
  }

  int exitCode() {
    return exitCode;
  }

  Path log() {
    return log;
  }

  @Override
  public void close() throws SQLException {
    Process running = process;
    if (running != null && running.isAlive()) {
      running.destroyForcibly();
    }
    listener.close();
  }
}
