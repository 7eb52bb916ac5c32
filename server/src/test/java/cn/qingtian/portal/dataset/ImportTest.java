package cn.qingtian.portal.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import cn.qingtian.portal.ApiIntegrationTest;
import cn.qingtian.portal.DatabaseTest;
import cn.qingtian.portal.PortalCommandLine;
import cn.qingtian.portal.TestDatabases;
import cn.qingtian.portal.database.JdbcConnections;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Importing packages into a database of its own while the server runs: releases, atomicity, dry
 * runs, and a release imported by another process being picked up.
 */
@ApiIntegrationTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DatabaseTest
class ImportTest {

  private static final String DATABASE = TestDatabases.newImportedDatabaseUrl();

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("portal.database.url", () -> DATABASE);
  }

  @TempDir Path temp;
  @Autowired PackageImporter importer;
  @Autowired JdbcConnections connections;
  @Autowired HttpGraphQlTester graphQl;

  @Test
  @Order(1)
  void importingIdenticalContentMakesNoNewRelease() throws Exception {
    DatabaseSnapshot before = DatabaseSnapshot.take(connections);
    ValidatedPackage same =
        PackageValidator.validate(
                List.of(
                    PackageFixture.copyOfBundled(temp)
                        .edit("departments.csv", text -> text.replace("\n", "\r\n"))
                        .directory(),
                    PackageFixture.DEMO))
            .valid()
            .orElseThrow();

    ImportResult result = importer.importPackage(same, false, null, message -> {});

    assertThat(result.outcome()).isEqualTo(ImportResult.Outcome.UNCHANGED);
    assertThat(result.release()).isEqualTo(1);
    assertThat(DatabaseSnapshot.take(connections)).isEqualTo(before);
  }

  @Test
  @Order(2)
  void aBrokenPackageIsReportedInFullAndChangesNothing() throws Exception {
    DatabaseSnapshot before = DatabaseSnapshot.take(connections);
    PackageFixture broken =
        PackageFixture.copyOfBundled(temp)
            .version("9.9.9")
            .replace("plans.csv", ",2021,2025,COUNTY,", ",2021,二〇二五,COUNTY,")
            .replace("plans.csv", ",PROVINCE,330000,", ",TOWN,330000,")
            .replace("departments.csv", "HRSS,人力社保局,", "HRSS,,")
            .replace("measures.csv", ",G01,GROUP,", ",X01,GROUP,")
            .appendLine("departments.csv", "HRSS,人力社保局二,,,GOVERNMENT_BUREAU,")
            .replace("measure_departments.csv", "P01,1,HRSS\n", "P01,1,NOPE\n")
            .reencode("areas.csv", java.nio.charset.Charset.forName("GBK"));
    var err = new ByteArrayOutputStream();

    int exitCode =
        runCommand(
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            "import",
            broken.directory().toString(),
            "--portal.database.url=" + DATABASE);

    assertThat(exitCode).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains(
            "plans.csv:2:9: ", // wrong type
            "plans.csv:3:10: ", // outside the enum
            "departments.csv:2:2: ", // required value missing
            "measures.csv:28:2: ", // pattern mismatch
            "departments.csv:42:1: ", // duplicate key
            "measure_departments.csv:2:4: ", // dangling foreign key
            "areas.csv:2:", // GBK file
            "GB18030/GBK");
    assertThat(DatabaseSnapshot.take(connections)).isEqualTo(before);
    graphQl
        .document("{ currentRelease { number } }")
        .execute()
        .path("currentRelease.number")
        .entity(Integer.class)
        .isEqualTo(1);
  }

  @Test
  @Order(3)
  void everyStepOfTheGateSeesWhatTheCurrentReleasePublished() throws Exception {
    List<java.util.Map<String, Object>> seen = new ArrayList<>();
    PackageImporter recording =
        new PackageImporter(
            connections,
            new DisclosureGate(
                List.of(
                    release -> {
                      seen.addAll(release.previous().rows("charity_donations"));
                      return List.of();
                    })));
    // Other content than the current release's, or the import would stop before the gate.
    ValidatedPackage next =
        PackageValidator.validate(List.of(changedFixture("9.9.6").directory(), PackageFixture.DEMO))
            .valid()
            .orElseThrow();

    assertThat(recording.importPackage(next, true, null, message -> {}).outcome())
        .isEqualTo(ImportResult.Outcome.DRY_RUN);

    assertThat(seen)
        .hasSize(count("select count(*) from charity_donations where valid_to is null"));
    assertThat(seen)
        .allSatisfy(row -> assertThat(row).containsKeys("charity", "donors", "withheld"))
        .allSatisfy(row -> assertThat(row).doesNotContainKeys("valid_from", "row_hash"))
        .filteredOn(row -> Boolean.TRUE.equals(row.get("withheld")))
        .isNotEmpty()
        .allSatisfy(row -> assertThat(row.get("donors")).isNull());
  }

  @Test
  @Order(3)
  void aDerivedTableThatRefusesBlocksTheWholeRelease() throws Exception {
    // As the disclosure step does when no suppression pattern passes the audit.
    DatabaseSnapshot before = DatabaseSnapshot.take(connections);
    PackageImporter refusing =
        new PackageImporter(
            connections,
            new DisclosureGate(
                List.of(
                    release -> {
                      throw new ImportRefusedException(
                          List.of(
                              new Problem(
                                  "household_microdata.csv", 0, 0, "审核未通过", "audit failed")));
                    })));
    ValidatedPackage valid =
        PackageValidator.validate(PackageFixture.copyOfBundled(temp).version("9.9.7").directory())
            .valid()
            .orElseThrow();
    assertThatThrownBy(() -> refusing.importPackage(valid, false, null, message -> {}))
        .isInstanceOf(ImportRefusedException.class)
        .hasMessageContaining("audit failed");
    assertThat(DatabaseSnapshot.take(connections)).isEqualTo(before);
  }

  @Test
  @Order(3)
  void anImportThatFailsMidwayRollsBackEverything() throws Exception {
    DatabaseSnapshot before = DatabaseSnapshot.take(connections);
    // A resource with no table behind it fails after the earlier tables were written.
    PackageFixture unknownTable =
        PackageFixture.copyOfBundled(temp)
            .version("9.9.8")
            .replace("measures.csv", "扩大就业容量", "扩大就业容量（修订）")
            .replace(
                "datapackage.json",
                "\"resources\": [",
                "\"resources\": [{\"name\": \"zz_unknown\", \"path\": \"areas.csv\", \"schema\":"
                    + " {\"fields\": [{\"name\": \"plan\"}, {\"name\": \"code\"}, {\"name\": \"seq\"},"
                    + " {\"name\": \"title_zh\"}, {\"name\": \"title_en\"}, {\"name\": \"text_zh\"}],"
                    + " \"primaryKey\": [\"plan\", \"code\"]}},");
    ValidatedPackage valid =
        PackageValidator.validate(unknownTable.directory()).valid().orElseThrow();
    List<Table> reordered = new ArrayList<>(valid.tables());
    reordered.add(reordered.remove(0));
    ValidatedPackage failsLast = new ValidatedPackage(valid.descriptors(), reordered);

    assertThatThrownBy(() -> importer.importPackage(failsLast, false, null, message -> {}))
        .isInstanceOf(java.sql.SQLException.class);
    assertThat(DatabaseSnapshot.take(connections)).isEqualTo(before);
  }

  @Test
  @Order(4)
  void aDryRunPrintsWhatWouldChangeAndWritesNothing() throws Exception {
    DatabaseSnapshot before = DatabaseSnapshot.take(connections);
    List<String> printed = new ArrayList<>();
    ValidatedPackage changed = changedPackage("1.1.0");

    ImportResult result = importer.importPackage(changed, true, null, printed::add);

    assertThat(result.outcome()).isEqualTo(ImportResult.Outcome.DRY_RUN);
    assertThat(printed)
        .contains("[dry-run] measures: +0 ~1 -0", "[dry-run] measure_departments: +0 ~0 -1");
    assertThat(DatabaseSnapshot.take(connections)).isEqualTo(before);
  }

  @Test
  @Order(5)
  void aReleaseImportedByAnotherProcessIsServedAndTheEarlierOneStaysReadable() throws Exception {
    Path changed = changedFixture("1.1.0").directory();

    Process process =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "cn.qingtian.portal.PortalApplication",
                "import",
                changed.toString(),
                "--note",
                "修订 P01 标题 / revised title of P01",
                "--portal.database.url=" + DATABASE)
            .redirectErrorStream(true)
            .redirectOutput(temp.resolve("import.log").toFile())
            .start();
    assertThat(process.waitFor(180, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue())
        .as(java.nio.file.Files.readString(temp.resolve("import.log")))
        .isZero();

    await("the server picks up the new release")
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () ->
                graphQl
                    .document("{ currentRelease { number } }")
                    .execute()
                    .path("currentRelease.number")
                    .entity(Integer.class)
                    .get(),
            served -> served == 2);
    var response =
        graphQl
            .document(
                "{ currentRelease { version note changes { table added changed removed } }"
                    + " measure(code: \"P01\") { title departments { totalCount } } }")
            .execute();
    response.path("measure.title").entity(String.class).isEqualTo("扩大就业容量（修订）");
    response.path("measure.departments.totalCount").entity(Integer.class).isEqualTo(3);
    response.path("currentRelease.version").entity(String.class).isEqualTo("1.1.0");
    // The operator's note, then what the release revised of derived data: without the demo
    // package there is no microdata, so the income tables of release 1 are gone from this one.
    response
        .path("currentRelease.note")
        .entity(String.class)
        .satisfies(
            note ->
                assertThat(note)
                    .startsWith("修订 P01 标题 / revised title of P01\n")
                    .contains("income_cells ~0 -1260"));

    assertThat(titleOfP01InRelease(1)).isEqualTo("扩大就业容量");
    assertThat(titleOfP01InRelease(2)).isEqualTo("扩大就业容量（修订）");
  }

  @Test
  @Order(6)
  void aPublishedVersionIsNeverReusedForOtherContent() throws Exception {
    DatabaseSnapshot before = DatabaseSnapshot.take(connections);
    ValidatedPackage sameVersion =
        PackageValidator.validate(
                changedFixture("1.1.0").replace("measures.csv", "提高就业质量", "提高就业质量！").directory())
            .valid()
            .orElseThrow();

    assertThatThrownBy(() -> importer.importPackage(sameVersion, false, null, message -> {}))
        .isInstanceOf(ImportRefusedException.class)
        .hasMessageContaining("version 1.1.0 is already published");
    assertThat(DatabaseSnapshot.take(connections)).isEqualTo(before);
  }

  private PackageFixture changedFixture(String version) {
    return PackageFixture.copyOfBundled(temp.resolve(version))
        .version(version)
        .replace("measures.csv", "扩大就业容量", "扩大就业容量（修订）")
        .edit(
            "measure_departments.csv", text -> text.replace("qt-kzt-2021-2025,P01,4,INVEST\n", ""));
  }

  private ValidatedPackage changedPackage(String version) {
    return PackageValidator.validate(changedFixture(version).directory()).valid().orElseThrow();
  }

  private String titleOfP01InRelease(int release) throws Exception {
    try (Connection connection = connections.open();
        PreparedStatement statement =
            connection.prepareStatement(
                "select title_zh from measures where code = 'P01' and valid_from <= ? and"
                    + " (valid_to is null or valid_to > ?)")) {
      statement.setInt(1, release);
      statement.setInt(2, release);
      try (ResultSet rs = statement.executeQuery()) {
        assertThat(rs.next()).isTrue();
        return rs.getString(1);
      }
    }
  }

  private int count(String sql) throws Exception {
    try (Connection connection = connections.open();
        PreparedStatement statement = connection.prepareStatement(sql);
        ResultSet rs = statement.executeQuery()) {
      rs.next();
      return rs.getInt(1);
    }
  }

  private static int runCommand(PrintStream out, PrintStream err, String... args) {
    return PortalCommandLine.run(args, out, err);
  }
}
