package cn.qingtian.portal.attack;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qingtian.portal.IntegrationTest;
import cn.qingtian.portal.TestDatabases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Attack finding 13d (docs/reliability.md): every site build copied every release's downloads into
 * its {@code datasets/} folder (2.1 GB per build with one 1M-row release). A build now links the
 * release files it carries (hard links: same bytes, no copy), so a rebuild writes only its pages.
 */
@Tag("attack")
@IntegrationTest
class SiteBuildsShareReleaseFilesAttackTest {

  @TempDir Path temp;

  @Test
  void aRebuildLinksTheReleaseFilesInsteadOfCopyingThem() throws Exception {
    String database = TestDatabases.newDatabaseUrl();
    PortalCommands.importBundled(database);

    for (int build = 1; build <= 2; build++) {
      PortalCommands.Run publish =
          PortalCommands.run(
              "publish",
              "--out",
              temp.resolve("site").toString(),
              "--portal.database.url=" + database,
              "--portal.downloads.directory=" + temp.resolve("downloads"));
      assertThat(publish.exitCode()).as(publish.all()).isZero();
    }

    List<Path> files = files(temp.resolve("site").resolve("datasets"));
    long copied = 0;
    long linked = 0;
    for (Path file : files) {
      long size = Files.size(file);
      if ((Integer) Files.getAttribute(file, "unix:nlink") > 1) {
        linked += size;
      } else {
        copied += size;
      }
    }
    System.out.println(
        "Finding 13d: a rebuild's datasets/: "
            + files.size()
            + " files, "
            + copied
            + " bytes copied, "
            + linked
            + " bytes linked");
    assertThat(files).isNotEmpty();
    assertThat(copied).as("bytes of release files copied into the rebuild").isZero();
  }

  private static List<Path> files(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      return paths.filter(Files::isRegularFile).toList();
    }
  }
}
