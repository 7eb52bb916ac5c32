package cn.qingtian.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.qingtian.portal.dataset.PackageFixture;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PortalCommandLineTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @TempDir Path temp;

  @Test
  void helpListsEverySubcommand() {
    assertThat(run("--help")).isZero();
    assertThat(out())
        .contains(
            "serve",
            "validate <dir>",
            "import <dir>",
            "--dry-run",
            "rollback <version> --note <text>",
            "publish --out <dir>",
            "--import",
            "PORTAL_DATABASE_URL");
  }

  @Test
  void publishWithNoDatabaseAndNoImportSaysWhatToPassAndStartsNothing() {
    assumeTrue(System.getenv("PORTAL_DATABASE_URL") == null, "PORTAL_DATABASE_URL is set here");
    assertThat(run("publish", "--out", temp.resolve("site").toString())).isEqualTo(2);
    assertThat(err()).contains("publish does not import by itself", "--from", "--import");
    assertThat(temp.resolve("site")).doesNotExist();
  }

  @Test
  void publishFromAPortalAndImportingAtOnceIsAUsageError() {
    assertThat(run("publish", "--out", "x", "--from", "http://localhost:1/graphql", "--import"))
        .isEqualTo(2);
    assertThat(err()).contains("usage: publish --out <dir> [--from <url> | --import]");
  }

  @Test
  void aRollbackWithoutAVersionOrANoteIsAUsageError() {
    assertThat(run("rollback", "1.6.0")).isEqualTo(2);
    assertThat(run("rollback", "--note", "mistaken import")).isEqualTo(2);
    assertThat(err()).contains("usage: rollback <version> --note TEXT");
  }

  @Test
  void anUnknownCommandIsAUsageError() {
    assertThat(run("publish-everything")).isEqualTo(2);
    assertThat(err()).contains("unknown command: publish-everything", "Usage");
  }

  @Test
  void validateExitsZeroForTheBundledPackage() {
    assertThat(run("validate", PackageFixture.BUNDLED.toString())).isZero();
    assertThat(out()).contains("the data package is valid");
  }

  @Test
  void validatePrintsEachProblemAndExitsOne() {
    Path broken =
        PackageFixture.copyOfBundled(temp)
            .replace("targets.csv", ",LEVEL,GE,58000,", ",LEVEL,GE,5.8万,")
            .replace("areas.csv", "qt-kzt-2021-2025,A1,", "qt-kzt-2021-2025,A1x,")
            .directory();
    assertThat(run("validate", broken.toString())).isEqualTo(1);
    assertThat(err())
        .contains("targets.csv:2:6: ", "5.8万", "is not a number")
        .contains("areas.csv:3:2: ", "does not match")
        .contains("problem(s) found");
  }

  @Test
  void validateRefusesAValueOutsideTheCodesEnumsEvenWhereTheDescriptorAllowsIt() {
    Path widened =
        PackageFixture.copyOfBundled(temp)
            .replace(
                "targets.csv",
                "DISPOSABLE_INCOME_PER_CAPITA,1,LEVEL,GE",
                "DISPOSABLE_INCOME_PER_CAPITA,1,NONSENSE,GE")
            .withoutEnumConstraint("targets", "kind")
            .directory();
    assertThat(run("validate", widened.toString())).isEqualTo(1);
    assertThat(err())
        .contains("targets.csv:2:4: ", "“NONSENSE”", "is not one of")
        .contains("1 problem(s) found");
    assertThat(out()).doesNotContain("the data package is valid");
  }

  private int run(String... args) {
    return PortalCommandLine.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }
}
