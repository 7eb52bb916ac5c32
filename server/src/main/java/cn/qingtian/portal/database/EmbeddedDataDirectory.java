package cn.qingtian.portal.database;

import cn.qingtian.portal.messages.UserMessages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL's data directory, held by one portal process at a time
 * (docs/reliability.md, attack finding 11).
 *
 * <p>The portal holds a file lock in the data directory's parent ({@code <name>.portal-lock}) for
 * as long as it runs, so another portal process can tell a live portal's database from one a killed
 * portal left behind: the operating system frees the lock when the process dies, however it dies. A
 * PostgreSQL server left running by a portal killed with SIGKILL keeps the directory (its {@code
 * postmaster.pid}) and would make every restart fail; it is stopped only when the lock was free and
 * that {@code postmaster.pid} names this very data directory and a running PostgreSQL.
 */
final class EmbeddedDataDirectory implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedDataDirectory.class);

  /** zonky's own lock inside the data directory, held while its server runs. */
  private static final String ZONKY_LOCK = "epg-lock";

  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

  /**
   * Directories this JVM holds. A second claim in the same process must not even open the lock
   * file: on Linux, closing any descriptor of a file drops every lock the process has on it.
   */
  private static final Set<Path> HELD_HERE = ConcurrentHashMap.newKeySet();

  private final Path directory;
  private final FileChannel channel;
  private final FileLock lock;

  private EmbeddedDataDirectory(Path directory, FileChannel channel, FileLock lock) {
    this.directory = directory;
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Takes the portal's lock on the data directory and stops a stale server of it; refuses with a
   * message saying so when another live portal holds the directory.
   */
  static EmbeddedDataDirectory claim(Path dataDirectory) {
    Path directory = dataDirectory.toAbsolutePath().normalize();
    Path lockFile = lockFileOf(directory);
    if (!HELD_HERE.add(directory)) {
      throw inUse(directory, lockFile);
    }
    try {
      Files.createDirectories(directory);
      FileChannel channel =
          FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock = tryLock(channel);
      if (lock == null) {
        channel.close();
        HELD_HERE.remove(directory);
        throw inUse(directory, lockFile);
      }
      EmbeddedDataDirectory claimed = new EmbeddedDataDirectory(directory, channel, lock);
      try {
        claimed.refuseIfZonkyLockIsHeld();
        claimed.stopStaleServer();
        return claimed;
      } catch (IOException | RuntimeException e) {
        claimed.close();
        throw e;
      }
    } catch (IOException e) {
      HELD_HERE.remove(directory);
      throw new UncheckedIOException("Cannot lock the embedded PostgreSQL's data directory", e);
    }
  }

  /** Where the portal's lock lives: beside the data directory, so PostgreSQL never sees it. */
  static Path lockFileOf(Path dataDirectory) {
    Path directory = dataDirectory.toAbsolutePath().normalize();
    return directory.resolveSibling(directory.getFileName() + ".portal-lock");
  }

  private static FileLock tryLock(FileChannel channel) throws IOException {
    try {
      return channel.tryLock();
    } catch (OverlappingFileLockException e) {
      // This very process already holds it: a second embedded server on the same directory.
      return null;
    }
  }

  private static IllegalStateException inUse(Path directory, Path lock) {
    return new IllegalStateException(UserMessages.get("database.embedded.inUse", directory, lock));
  }

  /** A server started by an older portal, or by zonky outside the portal, holds zonky's lock. */
  private void refuseIfZonkyLockIsHeld() throws IOException {
    Path zonky = directory.resolve(ZONKY_LOCK);
    if (!Files.exists(zonky)) {
      return;
    }
    try (FileChannel other = FileChannel.open(zonky, StandardOpenOption.WRITE)) {
      FileLock held = tryLock(other);
      if (held == null) {
        throw inUse(directory, zonky);
      }
      held.release();
    }
  }

  /**
   * Stops the server a killed portal left running on this directory. Its {@code postmaster.pid}
   * must name this directory (never another one's server) and a live PostgreSQL process; a file
   * naming a process that is gone is PostgreSQL's own to clear when it starts.
   */
  private void stopStaleServer() throws IOException {
    Optional<Postmaster> found = Postmaster.of(directory);
    if (found.isEmpty()) {
      return;
    }
    Postmaster postmaster = found.get();
    if (!postmaster.servesDirectory(directory)) {
      throw new IllegalStateException(
          UserMessages.get(
              "database.embedded.otherDirectory", directory, postmaster.dataDirectory()));
    }
    Optional<ProcessHandle> process = ProcessHandle.of(postmaster.pid());
    if (process.isEmpty() || !process.get().isAlive()) {
      return;
    }
    if (!postmaster.isPostgres(process.get())) {
      log.warn(
          "The embedded PostgreSQL's postmaster.pid names process {}, which is not PostgreSQL"
              + " (the id was reused since): removing the stale postmaster.pid",
          postmaster.pid());
      Files.deleteIfExists(directory.resolve(Postmaster.FILE));
      return;
    }
    log.warn(
        "Stopping a stale embedded PostgreSQL (process {}) left running on {} by a portal that"
            + " ended without stopping it",
        postmaster.pid(),
        directory);
    stop(process.get());
  }

  /**
   * SIGTERM first (PostgreSQL's smart shutdown: the dead portal's sessions are already gone), then
   * SIGINT (fast shutdown: ends any other session); never SIGKILL, which would leave its shared
   * memory behind.
   */
  private void stop(ProcessHandle process) {
    process.destroy();
    if (waitFor(process, STOP_TIMEOUT.dividedBy(2))) {
      return;
    }
    try {
      new ProcessBuilder("kill", "-INT", Long.toString(process.pid()))
          .inheritIO()
          .start()
          .waitFor();
    } catch (IOException e) {
      log.warn("Cannot send SIGINT to process {}: {}", process.pid(), e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (!waitFor(process, STOP_TIMEOUT.dividedBy(2))) {
      throw new IllegalStateException(
          UserMessages.get(
              "database.embedded.staleNotStopped",
              process.pid(),
              STOP_TIMEOUT.toSeconds(),
              directory));
    }
  }

  private static boolean waitFor(ProcessHandle process, Duration timeout) {
    try {
      process.onExit().get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
      return true;
    } catch (java.util.concurrent.TimeoutException e) {
      return !process.isAlive();
    } catch (java.util.concurrent.ExecutionException e) {
      return !process.isAlive();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return !process.isAlive();
    }
  }

  @Override
  public void close() {
    try {
      lock.release();
      channel.close();
    } catch (IOException e) {
      log.warn("Cannot release the lock on {}: {}", directory, e.getMessage());
    } finally {
      HELD_HERE.remove(directory);
    }
  }

  /**
   * What a running PostgreSQL writes into {@code postmaster.pid}: its process id on the first line
   * and its data directory on the second.
   */
  record Postmaster(long pid, Path dataDirectory) {

    static final String FILE = "postmaster.pid";

    static Optional<Postmaster> of(Path directory) throws IOException {
      Path file = directory.resolve(FILE);
      if (!Files.exists(file)) {
        return Optional.empty();
      }
      List<String> lines = Files.readAllLines(file);
      if (lines.size() < 2) {
        return Optional.empty();
      }
      try {
        return Optional.of(
            new Postmaster(Long.parseLong(lines.get(0).trim()), Path.of(lines.get(1).trim())));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }

    boolean servesDirectory(Path directory) throws IOException {
      Path named = dataDirectory.toAbsolutePath().normalize();
      return named.equals(directory) || Files.exists(named) && Files.isSameFile(named, directory);
    }

    /** The process's executable is PostgreSQL's server (zonky starts {@code bin/postgres}). */
    boolean isPostgres(ProcessHandle process) {
      return process
          .info()
          .command()
          .map(command -> Path.of(command).getFileName().toString().startsWith("postgres"))
          // Unknown when the process belongs to someone else: do not guess.
          .orElseThrow(
              () ->
                  new IllegalStateException(
                      "cannot tell whether process "
                          + pid
                          + " named in "
                          + FILE
                          + " is PostgreSQL: stop it or remove the file by hand"));
    }
  }
}
