package cn.qingtian.portal;

import cn.qingtian.portal.database.DatabaseAddress;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Real PostgreSQL for tests: the server named by {@code PORTAL_TEST_DATABASE_URL} (CI sets it to
 * the machine's PostgreSQL), or else one embedded PostgreSQL per test JVM (Failsafe runs two). Each
 * caller gets a fresh database of its own: empty, or holding the bundled packages as release 1. The
 * bundled packages are found at {@code ../datasets}: tests run in their module's folder.
 */
public final class TestDatabases {

  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static final List<String> CREATED = new ArrayList<>();
  private static DatabaseAddress server;
  private static String imported;
  private static EmbeddedPostgres embedded;

  private TestDatabases() {}

  /** Creates an empty database and returns its URL for {@code portal.database.url}. */
  public static synchronized String newDatabaseUrl() {
    return url(createDatabase(null));
  }

  /**
   * Creates a database holding what the portal's start-up import leaves in an empty one (the
   * bundled plan package with the demo package, as release 1), so a test context starting on it
   * finds the bundled content unchanged and imports nothing. It is a copy of a template imported
   * once per test JVM by the {@code import} command: copying takes a fraction of a second, an
   * import several seconds.
   */
  public static synchronized String newImportedDatabaseUrl() {
    if (imported == null) {
      String template = createDatabase(null);
      importBundledPackages(url(template));
      imported = template;
    }
    return url(createDatabase(imported));
  }

  private static String createDatabase(String template) {
    DatabaseAddress address = server();
    String name = "portal_test_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
    execute(address, "create database " + name + (template == null ? "" : " template " + template));
    CREATED.add(name);
    if (template != null) {
      // A copy does not take the template's database privileges (the migrations revoke TEMPORARY).
      execute(
          address,
          "update pg_database set datacl = (select datacl from pg_database where datname = '"
              + template
              + "') where datname = '"
              + name
              + "'");
    }
    return name;
  }

  private static void importBundledPackages(String url) {
    Path datasets = Path.of("..", "datasets").toAbsolutePath().normalize();
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    PrintStream printed = new PrintStream(output, true, StandardCharsets.UTF_8);
    int exitCode =
        PortalCommandLine.run(
            new String[] {
              "import",
              datasets.resolve("qingtian").toString(),
              datasets.resolve("demo").toString(),
              "--portal.database.url=" + url
            },
            printed,
            printed);
    if (exitCode != 0) {
      throw new IllegalStateException(
          "cannot import the bundled packages into the test template database:\n"
              + output.toString(StandardCharsets.UTF_8));
    }
  }

  private static String url(String name) {
    DatabaseAddress database = server().withDatabase(name);
    return "postgresql://"
        + database.username()
        + (database.password() == null ? "" : ":" + database.password())
        + "@"
        + database.host()
        + ":"
        + database.port()
        + "/"
        + database.database();
  }

  public static boolean isExternal() {
    String url = System.getenv("PORTAL_TEST_DATABASE_URL");
    return url != null && !url.isBlank();
  }

  private static DatabaseAddress server() {
    if (server == null) {
      if (isExternal()) {
        server = DatabaseAddress.parse(System.getenv("PORTAL_TEST_DATABASE_URL"));
      } else {
        try {
          embedded = EmbeddedPostgres.builder().start();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        server = new DatabaseAddress("localhost", embedded.getPort(), "postgres", "postgres", null);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(TestDatabases::cleanUp));
    }
    return server;
  }

  private static synchronized void cleanUp() {
    if (embedded != null) {
      try {
        embedded.close();
      } catch (IOException ignored) {
        // the JVM is exiting; the temporary data directory goes with it
      }
      return;
    }
    for (String name : CREATED) {
      try {
        execute(server, "drop database if exists " + name + " with (force)");
      } catch (RuntimeException ignored) {
        // best effort: a leftover test database does no harm
      }
    }
  }

  /** What every connection to the test server is doing now, one line each: for hang reports. */
  static synchronized String activity() {
    if (server == null) {
      return "no test PostgreSQL started";
    }
    StringBuilder out = new StringBuilder();
    try (Connection connection = connect(server);
        Statement statement = connection.createStatement();
        var rows =
            statement.executeQuery(
                "select pid, datname, application_name, state, wait_event_type, wait_event,"
                    + " now() - state_change as for, left(query, 200) as query"
                    + " from pg_stat_activity where backend_type = 'client backend'")) {
      while (rows.next()) {
        for (int column = 1; column <= 8; column++) {
          out.append(rows.getString(column)).append(column < 8 ? " | " : "\n");
        }
      }
    } catch (SQLException e) {
      out.append("cannot read pg_stat_activity: ").append(e.getMessage());
    }
    return out.toString();
  }

  private static Connection connect(DatabaseAddress address) throws SQLException {
    Properties credentials = new Properties();
    credentials.setProperty("user", address.username());
    if (address.password() != null) {
      credentials.setProperty("password", address.password());
    }
    return DriverManager.getConnection(address.jdbcUrl(), credentials);
  }

  private static void execute(DatabaseAddress address, String sql) {
    try (Connection connection = connect(address);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot run on test PostgreSQL: " + sql, e);
    }
  }
}
