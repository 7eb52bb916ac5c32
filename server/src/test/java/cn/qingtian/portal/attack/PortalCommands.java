package cn.qingtian.portal.attack;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qingtian.portal.PortalCommandLine;
import cn.qingtian.portal.database.DatabaseAddress;
import cn.qingtian.portal.dataset.PackageFixture;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * The portal's commands run in this JVM as an operator runs them, against a database of the test's
 * own, with their output kept: the harness of the attacks on {@code import} and {@code publish}.
 */
final class PortalCommands {

  private PortalCommands() {}

  /** What a command printed and how it ended. */
  record Run(int exitCode, String out, String err) {
    String all() {
      return out + err;
    }
  }

  static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        PortalCommandLine.run(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** Imports the bundled plan package (no DEMO) as the database's first release. */
  static void importBundled(String database) {
    Run imported =
        run(
            "import",
            PackageFixture.BUNDLED.toString(),
            "--portal.database.url=" + database,
            "--portal.site.publish-on-release=false",
            "--portal.downloads.write-on-release=false");
    assertThat(imported.exitCode()).as(imported.all()).isZero();
  }

  /** Runs one SQL statement as the database's owner. */
  static void execute(String database, String sql) throws SQLException {
    try (Connection connection = connect(database);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  /** The number of releases the database holds; 0 when it has no release table yet. */
  static int releases(String database) throws SQLException {
    try (Connection connection = connect(database);
        Statement statement = connection.createStatement();
        ResultSet exists = statement.executeQuery("select to_regclass('public.release') is null")) {
      exists.next();
      if (exists.getBoolean(1)) {
        return 0;
      }
    }
    try (Connection connection = connect(database);
        Statement statement = connection.createStatement();
        ResultSet count = statement.executeQuery("select count(*) from release")) {
      count.next();
      return count.getInt(1);
    }
  }

  private static Connection connect(String database) throws SQLException {
    DatabaseAddress address = DatabaseAddress.parse(database);
    Properties credentials = new Properties();
    credentials.setProperty("user", address.username());
    if (address.password() != null) {
      credentials.setProperty("password", address.password());
    }
    return DriverManager.getConnection(address.jdbcUrl(), credentials);
  }
}
