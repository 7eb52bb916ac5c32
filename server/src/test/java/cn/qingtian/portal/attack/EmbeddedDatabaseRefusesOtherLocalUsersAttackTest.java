package cn.qingtian.portal.attack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.qingtian.portal.IntegrationTest;
import cn.qingtian.portal.database.DatabaseAddress;
import cn.qingtian.portal.database.DatabaseServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Second-round finding A (docs/reliability.md): the embedded PostgreSQL trusted every connection
 * from the host, so any local user could log in as its superuser and run commands as the portal's
 * user with {@code COPY … TO PROGRAM}. Real embedded servers in temporary folders, asked over TCP
 * as another local user would.
 */
@Tag("attack")
@IntegrationTest
class EmbeddedDatabaseRefusesOtherLocalUsersAttackTest {

  @TempDir Path temp;

  @Test
  void aNewDataDirectoryAsksEveryConnectionForThePasswordOnlyThePortalCanRead() throws Exception {
    Path data = temp.resolve("postgres");
    try (DatabaseServer server = DatabaseServer.embedded(data, false)) {
      DatabaseAddress address = server.address();

      assertRefused(address, null);
      assertRefused(address, "postgres");
      assertThat(trustRules(address)).as("no rule of pg_hba.conf trusts a connection").isZero();

      Path file = data.resolveSibling("postgres.password");
      assertThat(Files.readString(file).strip()).isEqualTo(address.password());
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
          .as("the password file is the portal's user's alone")
          .isEqualTo("rw-------");
    }
  }

  @Test
  void aDirectoryAnOlderPortalMadeStopsTrustingOnItsFirstStartAndStaysSo() throws Exception {
    Path data = temp.resolve("postgres");
    Files.createDirectories(data);
    // What the portal made before: zonky's initdb -A trust, and no password file.
    try (EmbeddedPostgres older =
        EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).start()) {
      DatabaseAddress before =
          new DatabaseAddress("localhost", older.getPort(), "postgres", "postgres", null);
      try (Connection attacker = connect(before, null)) {
        assertThat(attacker.isValid(2)).as("before: anyone on the host gets in").isTrue();
      }
    }

    try (DatabaseServer upgraded = DatabaseServer.embedded(data, false)) {
      assertRefused(upgraded.address(), null);
      assertThat(trustRules(upgraded.address())).isZero();
    }
    try (DatabaseServer restarted = DatabaseServer.embedded(data, false)) {
      assertRefused(restarted.address(), null);
      try (Connection portal = connect(restarted.address(), restarted.address().password())) {
        assertThat(portal.isValid(2)).as("the portal itself still gets in").isTrue();
      }
    }
  }

  private static void assertRefused(DatabaseAddress address, String password) {
    assertThatThrownBy(() -> connect(address, password).close())
        .as("a local user without the password is refused")
        .isInstanceOf(SQLException.class);
  }

  private static long trustRules(DatabaseAddress address) throws SQLException {
    try (Connection connection = connect(address, address.password());
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "select count(*) from pg_hba_file_rules"
                    + " where auth_method is distinct from 'scram-sha-256'")) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private static Connection connect(DatabaseAddress address, String password) throws SQLException {
    return DriverManager.getConnection(address.jdbcUrl(), "postgres", password);
  }
}
