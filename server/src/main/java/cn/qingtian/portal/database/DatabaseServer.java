package cn.qingtian.portal.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL server the portal uses: an external one, or a real embedded PostgreSQL started and
 * stopped with the application (zonky; as root it runs through {@code unshare -U}).
 *
 * <p>The embedded server is durable by default (decision D20, docs/decisions/0020-durability.md):
 * zonky starts PostgreSQL with {@code -F} (fsync off) and {@code synchronous_commit=off}, test
 * settings under which a power loss can corrupt the only copy of the release history; the portal
 * turns both on again. While it runs, the portal holds its data directory ({@link
 * EmbeddedDataDirectory}), so a restart after {@code kill -9} stops the server the killed portal
 * left behind and a second portal refuses to start on it. Every connection to it gives a password
 * only the portal's user can read ({@link EmbeddedPassword}).
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
      EmbeddedPassword password = EmbeddedPassword.of(dataDirectory);
      boolean initialised = Files.exists(dataDirectory.resolve("postgresql.conf"));
      boolean trusting = initialised && !password.isStored();
      EmbeddedPostgres.Builder builder =
          EmbeddedPostgres.builder()
              .setDataDirectory(dataDirectory)
              .setCleanDataDirectory(false)
              .setConnectConfig("password", password.value());
      if (!initialised) {
        // zonky passes its "locale" settings to initdb as --name=value: the superuser gets the
        // password before the server ever starts.
        password.store();
        builder.setLocaleConfig("pwfile", password.file().toString());
      }
      if (!trusting) {
        builder.setDataDirectoryCustomizer(directory -> password.requireIt(directory.toPath()));
      }
      if (durable) {
        // Given after zonky's -F on the command line, so these win.
        builder
            .setServerConfig("fsync", "on")
            .setServerConfig("synchronous_commit", "on")
            .setServerConfig("full_page_writes", "on");
      }
      EmbeddedPostgres postgres = builder.start();
      DatabaseAddress address =
          new DatabaseAddress(
              "localhost", postgres.getPort(), "postgres", "postgres", password.value());
      if (trusting) {
        requirePasswordFromNowOn(address, password, dataDirectory);
      }
      return new DatabaseServer(address, postgres, claimed);
    } catch (IOException | SQLException | RuntimeException e) {
      claimed.close();
      throw new IllegalStateException(
          "Cannot start the embedded PostgreSQL in "
              + dataDirectory.toAbsolutePath()
              + " (as root it needs user namespaces: unshare -U): "
              + e.getMessage(),
          e);
    }
  }

  /**
   * Upgrades a data directory an older portal made, which trusted every local connection: sets the
   * superuser's password, stores it, then requires it. Should the portal die in between, the next
   * start finds either no password file (and does it again) or the file and a password that
   * matches.
   */
  private static void requirePasswordFromNowOn(
      DatabaseAddress address, EmbeddedPassword password, Path dataDirectory) throws SQLException {
    try (Connection connection =
            DriverManager.getConnection(address.jdbcUrl(), "postgres", password.value());
        Statement statement = connection.createStatement()) {
      EmbeddedPassword.alterRole(statement, "postgres", password.value());
      password.store();
      password.requireIt(dataDirectory);
      statement.execute("select pg_reload_conf()");
    }
    log.warn(
        "The embedded PostgreSQL in {} trusted every local connection; it now requires the password"
            + " kept in {}",
        dataDirectory.toAbsolutePath(),
        password.file());
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
