package cn.qingtian.portal.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.qingtian.portal.DatabaseTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the portal stops on start-up and what it never touches (docs/reliability.md, attack finding
 * 11), without a PostgreSQL: the processes named in these {@code postmaster.pid} files are this
 * test's own JVM, which must survive every case. The stale-server case itself is {@code
 * EmbeddedPortalRestartsAfterKillAttackTest}.
 */
@DatabaseTest
class EmbeddedDataDirectoryTest {

  private static final long THIS_JVM = ProcessHandle.current().pid();

  @TempDir Path temp;

  @Test
  void aDirectoryHeldByALivePortalIsRefused() {
    Path data = temp.resolve("postgres");
    try (EmbeddedDataDirectory held = EmbeddedDataDirectory.claim(data)) {
      assertThat(EmbeddedDataDirectory.lockFileOf(data)).exists();
      assertThatThrownBy(() -> EmbeddedDataDirectory.claim(data))
          .hasMessageContaining("another portal process is using the embedded database in " + data);
    }
    // Freed with its holder: the next portal may take it.
    EmbeddedDataDirectory.claim(data).close();
  }

  @Test
  void aPostmasterPidNamingAnotherDirectoryStopsNothing() throws Exception {
    Path data = Files.createDirectories(temp.resolve("postgres"));
    Files.writeString(data.resolve("postmaster.pid"), THIS_JVM + "\n/var/lib/elsewhere\n");
    assertThatThrownBy(() -> EmbeddedDataDirectory.claim(data))
        .hasMessageContaining("names another data directory (/var/lib/elsewhere)");
    assertThat(data.resolve("postmaster.pid")).exists();
    assertThat(ProcessHandle.current().isAlive()).isTrue();
  }

  @Test
  void aPostmasterPidNamingAProcessThatIsNotPostgresqlIsRemovedNotSignalled() throws Exception {
    Path data = Files.createDirectories(temp.resolve("postgres"));
    Files.writeString(data.resolve("postmaster.pid"), THIS_JVM + "\n" + data + "\n5432\n");
    EmbeddedDataDirectory.claim(data).close();
    assertThat(data.resolve("postmaster.pid")).doesNotExist();
  }

  @Test
  void aPostmasterPidOfAProcessThatIsGoneIsLeftToPostgresql() throws Exception {
    Path data = Files.createDirectories(temp.resolve("postgres"));
    Process ended = new ProcessBuilder("true").start();
    ended.waitFor();
    Files.writeString(data.resolve("postmaster.pid"), ended.pid() + "\n" + data + "\n");
    EmbeddedDataDirectory.claim(data).close();
    assertThat(data.resolve("postmaster.pid")).exists();
  }
}
