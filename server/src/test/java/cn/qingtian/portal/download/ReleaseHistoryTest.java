package cn.qingtian.portal.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.qingtian.portal.ApiIntegrationTest;
import cn.qingtian.portal.DatabaseTest;
import cn.qingtian.portal.RawHttp;
import cn.qingtian.portal.TestDatabases;
import cn.qingtian.portal.dataset.ImportRefusedException;
import cn.qingtian.portal.dataset.ImportResult;
import cn.qingtian.portal.dataset.PackageFixture;
import cn.qingtian.portal.dataset.PackageImporter;
import cn.qingtian.portal.dataset.PackageValidator;
import cn.qingtian.portal.dataset.ReleaseRollback;
import cn.qingtian.portal.dataset.ValidatedPackage;
import cn.qingtian.portal.release.CurrentRelease;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Releases over time, in a database of its own: a data change makes a second release with a change
 * log and revisions, both releases stay downloadable, and a rollback restores the first release's
 * content as a third.
 */
@ApiIntegrationTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DatabaseTest
class ReleaseHistoryTest {

  private static final String DATABASE = TestDatabases.newImportedDatabaseUrl();
  private static final String FIRST = "1.6.0+demo.1.4.0";
  private static final String SECOND = "1.6.1+demo.1.4.0";
  private static final String CHANGED = "RURAL_DISPOSABLE_INCOME_PER_CAPITA,331121,2019,_T,";
  private static final String REMOVED = "RESIDENT_POPULATION,331121,2020,_T,";

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("portal.database.url", () -> DATABASE);
  }

  @TempDir Path temp;
  @Autowired PackageImporter importer;
  @Autowired ReleaseRollback rollback;
  @Autowired CurrentRelease current;
  @Autowired HttpGraphQlTester graphQl;
  @LocalServerPort int port;

  @Test
  @Order(1)
  void aDataChangeMakesASecondReleaseWhoseChangeLogListsTheRows() throws Exception {
    String before = text("/datasets/observations/" + FIRST + "/observations.csv");
    assertThat(before).contains(CHANGED + "25222,");
    ValidatedPackage changed =
        PackageValidator.validate(
                List.of(
                    PackageFixture.copyOfBundled(temp)
                        .version("1.6.1")
                        .replace("observations.csv", CHANGED + "25222,", CHANGED + "25300,")
                        .edit("observations.csv", csv -> withoutLine(csv, REMOVED))
                        .appendLine(
                            "observations.csv",
                            "RURAL_DISPOSABLE_INCOME_PER_CAPITA,331121,2018,_T,23000,元,FINAL,"
                                + "OFFICIAL,QT_AGRI_REVIEW_2020,,")
                        .directory(),
                    PackageFixture.DEMO))
            .valid()
            .orElseThrow();

    ImportResult result = importer.importPackage(changed, false, "revised 2019", message -> {});
    current.refresh().block();

    assertThat(result.release()).isEqualTo(2);
    assertThat(text("/datasets/all/" + SECOND + "/changes.csv").lines().toList())
        .containsExactly(
            "table,change,key_fields,key",
            // In key order; a key holding "|" is quoted, as a spreadsheet may split on it.
            "observations,removed,\"indicator | geography | period | disaggregation\","
                + "\"RESIDENT_POPULATION | 331121 | 2020 | _T\"",
            "observations,added,\"indicator | geography | period | disaggregation\","
                + "\"RURAL_DISPOSABLE_INCOME_PER_CAPITA | 331121 | 2018 | _T\"",
            "observations,changed,\"indicator | geography | period | disaggregation\","
                + "\"RURAL_DISPOSABLE_INCOME_PER_CAPITA | 331121 | 2019 | _T\"");
    String after = text("/datasets/observations/latest/observations.csv");
    assertThat(after).contains(CHANGED + "25300,").doesNotContain("\n" + REMOVED);
    // The first release keeps its files, unchanged.
    assertThat(text("/datasets/observations/" + FIRST + "/observations.csv")).isEqualTo(before);
  }

  @Test
  @Order(2)
  void everyObservationKeepsItsRevisionsInTheApiAndTheDownload() throws Exception {
    List<Map<String, Object>> revisions =
        graphQl
            .document(
                "{ indicator(code: \"RURAL_DISPOSABLE_INCOME_PER_CAPITA\") { observations(first:"
                    + " 50) { nodes { period geography { code } disaggregation revisions { value"
                    + " publishedIn replacedIn provenance } } } } }")
            .execute()
            .path("indicator.observations.nodes[?(@.period == '2019')].revisions[*]")
            .entityList(Object.class)
            .get()
            .stream()
            .map(ReleaseHistoryTest::map)
            .toList();
    Map<String, Object> current = new java.util.HashMap<>();
    current.put("value", 25300.0);
    current.put("publishedIn", SECOND);
    current.put("replacedIn", null);
    current.put("provenance", "OFFICIAL");
    assertThat(revisions)
        .containsExactly(
            Map.of(
                "value",
                25222.0,
                "publishedIn",
                FIRST,
                "replacedIn",
                SECOND,
                "provenance",
                "OFFICIAL"),
            current);
    assertThat(text("/datasets/observations/latest/observations-revisions.csv"))
        .contains(CHANGED + "25222,元,FINAL,OFFICIAL,QT_AGRI_REVIEW_2020," + FIRST + "," + SECOND)
        .contains(CHANGED + "25300,元,FINAL,OFFICIAL,QT_AGRI_REVIEW_2020," + SECOND + ",\r\n");
  }

  @Test
  @Order(3)
  void aRollbackPublishesTheEarlierContentAsANewReleaseAndKeepsEveryRelease() throws Exception {
    ImportResult result = rollback.rollBackTo(FIRST, "mistaken import", message -> {});
    current.refresh().block();

    assertThat(result.release()).isEqualTo(3);
    String third = FIRST + "+rollback.3";
    var response =
        graphQl
            .document(
                "{ currentRelease { version contentHash note changes { table added changed"
                    + " removed } } first: release(version: \""
                    + FIRST
                    + "\") { contentHash } }")
            .execute();
    Map<String, Object> now = map(response.path("currentRelease").entity(Map.class).get());
    Object firstHash = map(response.path("first").entity(Map.class).get()).get("contentHash");
    assertThat(now.get("version")).isEqualTo(third);
    assertThat(now.get("contentHash")).isEqualTo(firstHash);
    assertThat((String) now.get("note")).contains("mistaken import", FIRST);
    assertThat(list(now.get("changes")).stream().filter(c -> !c.equals(unchanged(c))))
        .containsExactly(Map.of("table", "observations", "added", 1, "changed", 1, "removed", 1));
    // Every table of the new release has the bytes of the first release's table.
    for (String dataset : List.of("observations", "measures", "income-cells", "charity-grants")) {
      String file = "/" + dataset + ".csv";
      assertThat(text("/datasets/" + dataset + "/" + third + file))
          .as(dataset)
          .isEqualTo(text("/datasets/" + dataset + "/" + FIRST + file));
    }
    assertThat(text("/datasets/observations/" + SECOND + "/observations.csv"))
        .contains(CHANGED + "25300,");
    assertThat(text("/datasets/all/" + third + "/changes.csv"))
        .contains(
            "observations,removed,\"indicator | geography | period | disaggregation\","
                + "\"RURAL_DISPOSABLE_INCOME_PER_CAPITA | 331121 | 2018 | _T\"");
  }

  @Test
  @Order(4)
  void rollingBackToTheCurrentOrAnUnknownReleaseIsRefused() {
    assertThatThrownBy(() -> rollback.rollBackTo("0.0.1", "typo", message -> {}))
        .isInstanceOf(ImportRefusedException.class)
        .hasMessageContaining("no release with version 0.0.1");
    assertThatThrownBy(() -> rollback.rollBackTo(FIRST + "+rollback.3", "again", message -> {}))
        .isInstanceOf(ImportRefusedException.class)
        .hasMessageContaining("already the current release");
  }

  @Test
  @Order(5)
  void theRollbackCommandPublishesTheEarlierContentToo() {
    var out = new java.io.ByteArrayOutputStream();
    int exit =
        cn.qingtian.portal.PortalCommandLine.run(
            new String[] {
              "rollback",
              SECOND,
              "--note",
              "the revision was right",
              "--portal.database.url=" + DATABASE
            },
            new java.io.PrintStream(out, true, StandardCharsets.UTF_8),
            new java.io.PrintStream(out, true, StandardCharsets.UTF_8));
    assertThat(exit).as(out.toString(StandardCharsets.UTF_8)).isZero();
    current.refresh().block();
    graphQl
        .document("{ currentRelease { version note } }")
        .execute()
        .path("currentRelease.version")
        .entity(String.class)
        .isEqualTo(SECOND + "+rollback.4");
  }

  private static String withoutLine(String csv, String prefix) {
    return String.join("\n", csv.lines().filter(line -> !line.startsWith(prefix)).toList()) + "\n";
  }

  private String text(String path) {
    RawHttp.Response response = RawHttp.get("http://localhost:" + port + path);
    assertThat(response.status()).as(path + ": " + response.text()).isEqualTo(200);
    return response.text();
  }

  private static Map<String, Object> unchanged(Map<String, Object> change) {
    return Map.of("table", change.get("table"), "added", 0, "changed", 0, "removed", 0);
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(Object value) {
    return (List<Map<String, Object>>) value;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return (Map<String, Object>) value;
  }
}
