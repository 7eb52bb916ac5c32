package cn.qingtian.portal.attack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.qingtian.portal.ApiIntegrationTest;
import cn.qingtian.portal.DatabaseTest;
import cn.qingtian.portal.TestDatabases;
import cn.qingtian.portal.database.DatabaseAddress;
import cn.qingtian.portal.database.JdbcConnections;
import cn.qingtian.portal.dataset.DisclosureGate;
import cn.qingtian.portal.dataset.ImportResult;
import cn.qingtian.portal.dataset.PackageFixture;
import cn.qingtian.portal.dataset.PackageImporter;
import cn.qingtian.portal.dataset.PackageValidator;
import cn.qingtian.portal.dataset.ValidatedPackage;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Attack finding 12 (docs/reliability.md): the read-only API login could block every import by
 * taking the import's advisory lock (the import then hung with no message), and could create
 * temporary tables and large objects. As that login, over a real connection to PostgreSQL: the
 * import's lock cannot be taken, an import completes while the login holds every lock it can get,
 * an import that waits for another import says so and gives up after the configured lock timeout,
 * and temporary tables and large objects are refused.
 */
@Tag("attack")
@ApiIntegrationTest
@DatabaseTest
class ApiLoginCannotBlockImportsAttackTest {

  /** The advisory lock key imports used to serialize on (public in the source code). */
  private static final long OLD_IMPORT_LOCK_KEY = 0x51_54_50_4f_52_54L;

  private static final String DATABASE = TestDatabases.newImportedDatabaseUrl();

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("portal.database.url", () -> DATABASE);
    // Small, so a test of the timeout takes seconds.
    registry.add("portal.database.import-lock-timeout", () -> "2s");
  }

  @TempDir Path temp;
  @Autowired PackageImporter importer;
  @Autowired JdbcConnections ownerConnections;

  @Test
  void anImportCompletesWhileTheApiLoginHoldsEveryLockItCanTake() throws Exception {
    try (Connection api = apiLogin()) {
      try (Statement statement = api.createStatement()) {
        statement.execute("select pg_advisory_lock(" + OLD_IMPORT_LOCK_KEY + ")");
      }
      CompletableFuture<ImportResult> imported =
          CompletableFuture.supplyAsync(() -> importQuietly(changedPackage("9.8.1")));
      ImportResult result;
      try {
        result = imported.get(30, TimeUnit.SECONDS);
      } catch (TimeoutException e) {
        throw new AssertionError(
            "the import did not finish in 30 s while the API login held the advisory lock "
                + OLD_IMPORT_LOCK_KEY
                + ": the read-only login blocks every import");
      }
      assertThat(result.outcome()).isEqualTo(ImportResult.Outcome.PUBLISHED);
      // The lock imports take now is on a table of the private schema: the login cannot take it.
      for (String attempt :
          List.of(
              "lock table private.import_lock in exclusive mode",
              "select * from private.import_lock for update",
              "lock table release in exclusive mode",
              "select * from release for update")) {
        assertThatThrownBy(() -> inTransaction(api, attempt))
            .as("as the API login: " + attempt)
            .isInstanceOf(SQLException.class)
            .hasMessageContaining("permission denied");
      }
    }
  }

  @Test
  void anImportWaitingForAnotherImportSaysSoAndGivesUpAfterTheLockTimeout() throws Exception {
    CountDownLatch holding = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    // A legitimate import that holds the lock: its disclosure gate waits until the test says go.
    PackageImporter slow =
        new PackageImporter(
            ownerConnections,
            new DisclosureGate(
                List.of(
                    tables -> {
                      holding.countDown();
                      try {
                        release.await(60, TimeUnit.SECONDS);
                      } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                      }
                      return List.of();
                    })));
    ValidatedPackage first = changedPackage("9.8.2");
    CompletableFuture<ImportResult> holder =
        CompletableFuture.supplyAsync(() -> dryRun(slow, first));
    try {
      assertThat(holding.await(30, TimeUnit.SECONDS))
          .as("the first import reached its gate")
          .isTrue();

      List<String> progress = new CopyOnWriteArrayList<>();
      long start = System.nanoTime();
      CompletableFuture<ImportResult> waiting =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return importer.importPackage(
                      changedPackage("9.8.3"), false, null, progress::add);
                } catch (SQLException e) {
                  throw new IllegalStateException(e);
                }
              });
      Throwable failure;
      try {
        waiting.get(20, TimeUnit.SECONDS);
        throw new AssertionError("the second import did not wait for the first one");
      } catch (TimeoutException e) {
        throw new AssertionError(
            "the second import still waits after 20 s, with a lock timeout of 2 s; it said: "
                + progress);
      } catch (ExecutionException e) {
        failure = e.getCause();
      }
      long waitedMillis = (System.nanoTime() - start) / 1_000_000;
      assertThat(progress)
          .as("what the waiting import told its user")
          .anySatisfy(line -> assertThat(line).contains("waiting for another import"));
      // What the import command prints after "import failed, the database is unchanged: ".
      assertThat(failure.getCause())
          .as("the waiting import gives up with a message")
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("another import")
          .hasMessageContaining("2s");
      assertThat(waitedMillis).as("it waited about the lock timeout").isBetween(1_500L, 15_000L);
      System.out.println(
          "ApiLoginCannotBlockImportsAttackTest: the second import gave up after "
              + waitedMillis
              + " ms: "
              + failure.getCause().getMessage());
    } finally {
      release.countDown();
    }
    assertThat(holder.get(30, TimeUnit.SECONDS).outcome()).isEqualTo(ImportResult.Outcome.DRY_RUN);
  }

  @Test
  void theApiLoginCannotCreateTemporaryTables() throws Exception {
    try (Connection api = apiLogin()) {
      assertThatThrownBy(() -> execute(api, "create temporary table attack (x int)"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("permission denied");
    }
  }

  @Test
  void theApiLoginCannotCreateLargeObjects() throws Exception {
    try (Connection api = apiLogin()) {
      for (String attempt :
          List.of(
              "select lo_create(0)",
              "select lo_creat(-1)",
              "select lo_from_bytea(0, '\\x00'::bytea)",
              "select lo_import('/etc/hostname')")) {
        assertThatThrownBy(() -> execute(api, attempt))
            .as("as the API login: " + attempt)
            .isInstanceOf(SQLException.class)
            .hasMessageContaining("permission denied");
      }
      // The driver's own large object API (the fast-path protocol) calls the same functions.
      api.setAutoCommit(false);
      assertThatThrownBy(() -> api.unwrap(PGConnection.class).getLargeObjectAPI().createLO())
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("permission denied");
      api.rollback();
    }
    try (Connection owner = ownerConnections.open();
        Statement statement = owner.createStatement();
        var rows = statement.executeQuery("select count(*) from pg_largeobject_metadata")) {
      rows.next();
      assertThat(rows.getInt(1)).as("large objects in the database").isZero();
    }
  }

  private ValidatedPackage changedPackage(String version) {
    return PackageValidator.validate(
            List.of(
                PackageFixture.copyOfBundled(temp.resolve(version))
                    .version(version)
                    .replace("measures.csv", "扩大就业容量", "扩大就业容量（" + version + "）")
                    .directory(),
                PackageFixture.DEMO))
        .valid()
        .orElseThrow();
  }

  private ImportResult importQuietly(ValidatedPackage validated) {
    try {
      return importer.importPackage(validated, false, null, message -> {});
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ImportResult dryRun(PackageImporter importer, ValidatedPackage validated) {
    try {
      return importer.importPackage(validated, true, null, message -> {});
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A connection as the API's login role, as any code holding its credentials would open. */
  private static Connection apiLogin() throws SQLException {
    DatabaseAddress address = DatabaseAddress.parse(DATABASE);
    Properties credentials = new Properties();
    credentials.setProperty("user", "portal_api");
    credentials.setProperty("ApplicationName", "attack-as-portal-api");
    return DriverManager.getConnection(address.jdbcUrl(), credentials);
  }

  private static void execute(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private static void inTransaction(Connection connection, String sql) throws SQLException {
    connection.setAutoCommit(false);
    try {
      execute(connection, sql);
    } finally {
      connection.rollback();
      connection.setAutoCommit(true);
    }
  }
}
