package cn.qingtian.portal.attack;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qingtian.portal.IntegrationTest;
import cn.qingtian.portal.TestDatabases;
import cn.qingtian.portal.dataset.PackageFixture;
import cn.qingtian.portal.dataset.PackageValidator;
import cn.qingtian.portal.dataset.Problem;
import cn.qingtian.portal.dataset.Validation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Attack finding 1 (docs/reliability.md): a package's {@code version} (and any identifier that
 * becomes a file name) climbed out of the folder it was written into: {@code ../../…/x} made {@code
 * publish} write files outside its output, and a release versioned {@code 9.9.9/../..} broke every
 * later site build. Names are now refused at import and checked again where each path is built.
 */
@Tag("attack")
@IntegrationTest
class PackageVersionCannotEscapeOutputAttackTest {

  @TempDir Path temp;

  @Test
  void aVersionOrResourceNameThatClimbsOutOfItsFolderIsRefusedAtImport() {
    Path hostile =
        PackageFixture.copyOfBundled(temp)
            .replace("datapackage.json", "\"version\": \"1.6.0\"", "\"version\": \"../../../x\"")
            .replace("datapackage.json", "\"name\": \"sources\"", "\"name\": \"../sources\"")
            .directory();

    Validation validation = PackageValidator.validate(hostile);

    assertThat(validation.isValid()).as("a package versioned ../../../x").isFalse();
    assertThat(validation.problems().stream().map(Problem::toString))
        .anySatisfy(p -> assertThat(p).contains("../../../x", "version"))
        .anySatisfy(p -> assertThat(p).contains("../sources", "resource"));
  }

  @Test
  void aReleaseWithAHostileVersionIsPublishedWithoutWritingOutsideItsFolders() throws Exception {
    String database = TestDatabases.newDatabaseUrl();
    PortalCommands.importBundled(database);
    // A release that got past import another way (a database written by an older portal).
    PortalCommands.execute(
        database, "update release set version = '9.9.9/../../../../../../escaped'");
    Path work = Files.createDirectories(temp.resolve("work"));

    PortalCommands.Run publish =
        PortalCommands.run(
            "publish",
            "--out",
            work.resolve("site").toString(),
            "--portal.database.url=" + database,
            "--portal.downloads.directory=" + work.resolve("downloads"));

    List<Path> outside = filesOutside(work);
    System.out.println(
        "Finding 1: exit " + publish.exitCode() + ", files outside the output: " + outside.size());
    assertThat(outside).as("files written outside the site and downloads folders").isEmpty();
    assertThat(publish.exitCode()).as(publish.all()).isZero();
    assertThat(work.resolve("site").resolve("datasets").resolve("catalog.ttl")).isRegularFile();
    assertThat(work.resolve("site").resolve("index.html")).isRegularFile();
  }

  private List<Path> filesOutside(Path work) throws IOException {
    try (Stream<Path> files = Files.walk(temp)) {
      return files
          .filter(p -> !p.startsWith(work) && !p.startsWith(temp.resolve("package")))
          .filter(p -> !p.equals(temp))
          .toList();
    }
  }
}
