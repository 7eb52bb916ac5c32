package cn.qingtian.portal.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL server the portal uses: an external one, or a real embedded PostgreSQL started and
 * stopped with the application (zonky; as root it runs through {@code unshare -U}).
 *
 * <p>The embedded server is durable by default (decision D20): zonky starts PostgreSQL with {@code
 * -F} (fsync off) and {@code synchronous_commit=off}, test settings under which a power loss can
 * corrupt the only copy of the release history; the portal turns both on again. While it runs, the
 * portal holds its data directory ({@link EmbeddedDataDirectory}), so a restart after {@code kill
 * -9} stops the server the killed portal left behind and a second portal refuses to start on it.
 */
public final class DatabaseServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(DatabaseServer.class);

  private final DatabaseAddress address;
  private final @Nullable EmbeddedPostgres embedded;
  private final @Nullable EmbeddedDataDirectory claimed;

  private DatabaseServer(
      DatabaseAddress address,
      @Nullable EmbeddedPostgres embedded,
      @Nullable EmbeddedDataDirectory claimed) {
    this.address = address;
    this.embedded = embedded;
    this.claimed = claimed;
  }

  public static DatabaseServer external(String url) {
    DatabaseAddress address = DatabaseAddress.parse(url);
    log.info("Using external PostgreSQL {}", address);
    return new DatabaseServer(address, null, null);
  }

  /**
   * Starts the embedded PostgreSQL on a data directory this process then holds.
   *
   * @param durable fsync, synchronous_commit and full_page_writes on, as {@code serve} and every
   *     command run; tests switch them off for speed ({@code portal.database.embedded-durable})
   */
  public static DatabaseServer embedded(Path dataDirectory, boolean durable) {
    EmbeddedDataDirectory claimed = EmbeddedDataDirectory.claim(dataDirectory);
    try {
      Files.createDirectories(dataDirectory);
      log.info(
          "Starting embedded PostgreSQL in {}{}",
          dataDirectory.toAbsolutePath(),
          durable ? "" : " (not durable: fsync and synchronous_commit off)");
      EmbeddedPostgres.Builder builder =
          EmbeddedPostgres.builder().setDataDirectory(dataDirectory).setCleanDataDirectory(false);
      if (durable) {
        // Given after zonky's -F on the command line, so these win.
        builder
            .setServerConfig("fsync", "on")
            .setServerConfig("synchronous_commit", "on")
            .setServerConfig("full_page_writes", "on");
      }
      EmbeddedPostgres postgres = builder.start();
      return new DatabaseServer(
          new DatabaseAddress("localhost", postgres.getPort(), "postgres", "postgres", null),
          postgres,
          claimed);
    } catch (IOException | RuntimeException e) {
      claimed.close();
      throw new IllegalStateException(
          "Cannot start the embedded PostgreSQL in "
              + dataDirectory.toAbsolutePath()
              + " (as root it needs user namespaces: unshare -U): "
              + e.getMessage(),
          e);
    }
  }

  public DatabaseAddress address() {
    return address;
  }

  public boolean isEmbedded() {
    return embedded != null;
  }

  @Override
  public void close() throws IOException {
    if (embedded != null) {
      log.info("Stopping embedded PostgreSQL");
      try {
        embedded.close();
      } finally {
        if (claimed != null) {
          claimed.close();
        }
      }
    }
  }
}
