package cn.qingtian.portal.attack;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qingtian.portal.DatabaseTest;
import cn.qingtian.portal.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Attack finding 3 (docs/reliability.md): {@code publish --out} with a database configured imported
 * the bundled packages, DEMO included, as that database's current release. It now reads the release
 * the database already has and says so; only {@code --import} imports, and then into a temporary
 * database of its own.
 */
@Tag("attack")
@DatabaseTest
class PublishNeverWritesToTheDatabaseAttackTest {

  @TempDir Path temp;

  @Test
  void publishReadsTheCurrentReleaseOfAConfiguredDatabaseAndAddsNone() throws Exception {
    String database = TestDatabases.newDatabaseUrl();
    PortalCommands.importBundled(database);

    PortalCommands.Run publish = publish(database);

    int releases = PortalCommands.releases(database);
    System.out.println("Finding 3 (one release before): releases after publish " + releases);
    assertThat(releases).as("releases in the database after publish").isEqualTo(1);
    assertThat(publish.exitCode()).as(publish.all()).isZero();
    assertThat(publish.all()).contains("publishing release #1 (1.6.0) from database ");
    assertThat(temp.resolve("site").resolve("index.html")).isRegularFile();
  }

  @Test
  void publishWithAnEmptyDatabaseImportsNothingAndSaysWhatToDo() throws Exception {
    String database = TestDatabases.newDatabaseUrl();

    PortalCommands.Run publish = publish(database);

    int releases = PortalCommands.releases(database);
    System.out.println("Finding 3 (empty database): releases after publish " + releases);
    assertThat(releases).as("releases in the database after publish").isZero();
    assertThat(publish.exitCode()).isNotZero();
    assertThat(publish.err()).contains("--import", "--from");
    assertThat(temp.resolve("site")).doesNotExist();
  }

  @Test
  void publishImportLeavesTheConfiguredDatabaseAlone() throws Exception {
    String database = TestDatabases.newDatabaseUrl();

    PortalCommands.Run publish = publish(database, "--import");

    assertThat(PortalCommands.releases(database)).as("releases in the configured one").isZero();
    assertThat(publish.exitCode()).as(publish.all()).isZero();
    assertThat(publish.all()).contains("from the bundled datasets");
    assertThat(Files.readString(temp.resolve("site").resolve("index.html"))).contains("DEMO");
  }

  private PortalCommands.Run publish(String database, String... more) {
    String[] args = {
      "publish",
      "--out",
      temp.resolve("site").toString(),
      "--portal.database.url=" + database,
      "--portal.downloads.directory=" + temp.resolve("downloads")
    };
    String[] all = java.util.Arrays.copyOf(args, args.length + more.length);
    System.arraycopy(more, 0, all, args.length, more.length);
    return PortalCommands.run(all);
  }
}
