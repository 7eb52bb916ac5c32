package cn.qingtian.portal.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL server the portal uses: an external one, or a real embedded PostgreSQL started and
 * stopped with the application (zonky; as root it runs through {@code unshare -U}).
 */
public final class DatabaseServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(DatabaseServer.class);

  private final DatabaseAddress address;
  private final @Nullable EmbeddedPostgres embedded;

  private DatabaseServer(DatabaseAddress address, @Nullable EmbeddedPostgres embedded) {
    this.address = address;
    this.embedded = embedded;
  }

  public static DatabaseServer external(String url) {
    DatabaseAddress address = DatabaseAddress.parse(url);
    log.info("Using external PostgreSQL {}", address);
    return new DatabaseServer(address, null);
  }

  public static DatabaseServer embedded(Path dataDirectory) {
    try {
      Files.createDirectories(dataDirectory);
      log.info("Starting embedded PostgreSQL in {}", dataDirectory.toAbsolutePath());
      EmbeddedPostgres postgres =
          EmbeddedPostgres.builder()
              .setDataDirectory(dataDirectory)
              .setCleanDataDirectory(false)
              .start();
      return new DatabaseServer(
          new DatabaseAddress("localhost", postgres.getPort(), "postgres", "postgres", null),
          postgres);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot start the embedded PostgreSQL in "
              + dataDirectory.toAbsolutePath()
              + " (is another portal process using it? As root it needs user namespaces:"
              + " unshare -U)",
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
      embedded.close();
    }
  }
}
