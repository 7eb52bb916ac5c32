package cn.qingtian.portal.charity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.qingtian.portal.ApiIntegrationTest;
import cn.qingtian.portal.DatabaseTest;
import cn.qingtian.portal.TestDatabases;
import cn.qingtian.portal.dataset.PackageFixture;
import cn.qingtian.portal.dataset.PackageImporter;
import cn.qingtian.portal.dataset.PackageValidator;
import cn.qingtian.portal.release.CurrentRelease;
import cn.qingtian.portal.site.SiteBuildScheduler;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Donations recorded donor by donor (a fixture with personal names) are private microdata: the API,
 * the site and the downloads show only aggregates of 10 or more donors, and never a name.
 */
@ApiIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DatabaseTest
class DonorPrivacyTest {

  private static final String DATABASE = TestDatabases.newImportedDatabaseUrl();
  private static final List<String> PRIVATE = List.of("王秀英", "李建国", "DONOR-0007");
  private static final String EVERYTHING =
      """
      { currentRelease { version changes { table added } }
        charities(first: 100) { nodes { code name nameText { zh en } note
          finances { year donationIncome source { code title } }
          donations { year field donors total withheld provenance source { code title note } }
          grantsMade { id title description recipientName } grantsReceived { id } } } }
      """;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("portal.database.url", () -> DATABASE);
  }

  @TempDir Path temp;
  @Autowired PackageImporter importer;
  @Autowired CurrentRelease currentRelease;
  @Autowired HttpGraphQlTester graphQl;
  @Autowired WebTestClient web;
  @Autowired DatabaseClient apiDatabase;
  @Autowired SiteBuildScheduler publishing;

  @BeforeAll
  void importDonationsWithNames(@TempDir Path packages) throws Exception {
    List<String> records = new ArrayList<>();
    // 12 donors to elderly care in 2024, one of them named and giving twice …
    records.add(record(1, "2024-03-01", "王秀英", 50, "ELDERLY"));
    records.add(record(2, "2024-09-01", "王秀英", 70, "ELDERLY"));
    for (int donor = 2; donor <= 12; donor++) {
      records.add(record(donor + 1, "2024-05-01", "DONOR-%04d".formatted(donor), 100, "ELDERLY"));
    }
    // … and 3 to health, one named: too few to publish …
    records.add(record(20, "2024-06-01", "李建国", 3000, "HEALTH"));
    records.add(record(21, "2024-06-02", "DONOR-0007", 200, "HEALTH"));
    records.add(record(22, "2024-06-03", "DONOR-0008", 200, "HEALTH"));
    // … so the smallest other field of the year is withheld with it (its partner).
    for (int donor = 30; donor < 40; donor++) {
      records.add(record(donor, "2024-07-01", "DONOR-%04d".formatted(donor), 50, "POVERTY"));
    }
    PackageFixture plan = PackageFixture.copyOfBundled(packages).version("9.1.0");
    for (String line : records) {
      plan.appendLine("charity_donation_records.csv", line);
    }
    Path demo = PackageFixture.copyOfDemo(packages).directory();
    importer.importPackage(
        PackageValidator.validate(List.of(plan.directory(), demo)).valid().orElseThrow(),
        false,
        null,
        m -> {});
    currentRelease.refresh().block();
  }

  @Test
  void publishesTheCountAndTotalOfTenOrMoreDonorsAndWithholdsFewerWithAPartner() {
    List<Map<String, Object>> donations =
        graphQl
            .document(
                "{ charity(code: \"QT_CHARITY_FEDERATION\") { donations { year field donors total withheld } } }")
            .execute()
            .path("charity.donations")
            .entityList(
                new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {})
            .get();
    assertThat(donations)
        .containsExactly(
            Map.of(
                "year", 2024, "field", "ELDERLY", "donors", 12, "total", 1220.0, "withheld", false),
            withheld("HEALTH"),
            withheld("POVERTY"));
  }

  @Test
  void noApiResponseNamesADonor() {
    String response =
        web.post()
            .uri("/graphql")
            .bodyValue(Map.of("query", EVERYTHING))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    assertThat(response).contains("9.1.0").contains("ELDERLY").doesNotContain("errors");
    PRIVATE.forEach(name -> assertThat(response).doesNotContain(name));
    assertThat(response).doesNotContain("charity_donation_records");
  }

  @Test
  void noPageOfTheSiteNamesADonor() throws Exception {
    Path site = temp.resolve("site");
    publishing.publish(currentRelease.get(), site, message -> {});
    try (Stream<Path> files = Files.walk(site.toRealPath())) {
      List<Path> all = files.filter(Files::isRegularFile).toList();
      assertThat(all).hasSizeGreaterThan(300);
      for (Path file : all) {
        String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        PRIVATE.forEach(name -> assertThat(text).as(file.toString()).doesNotContain(name));
      }
    }
  }

  @Test
  void noDownloadNamesADonor() {
    String grants = download("/datasets/charity-grants/latest/charity-grants.360giving.json");
    PRIVATE.forEach(name -> assertThat(grants).doesNotContain(name));
  }

  @Test
  void theDonationsDownloadCarriesTheAggregatesOfTheRecordsAndNoFiguresOfFewerThanTenDonors() {
    String csv = download("/datasets/charity-donations/latest/charity-donations.csv");
    assertThat(csv.lines().findFirst().orElseThrow())
        .isEqualTo("charity,year,field,donors,total,withheld,provenance,source");
    assertThat(csv)
        .contains("QT_CHARITY_FEDERATION,2024,ELDERLY,12,1220,false,DEMO,DEMO_GENERATOR")
        .contains("QT_CHARITY_FEDERATION,2024,HEALTH,,,true,DEMO,DEMO_GENERATOR")
        .contains("QT_CHARITY_FEDERATION,2024,POVERTY,,,true,DEMO,DEMO_GENERATOR");
    csv.lines()
        .skip(1)
        .map(line -> line.split(",", -1))
        .filter(cells -> !cells[3].isEmpty())
        .forEach(
            cells ->
                assertThat(Integer.parseInt(cells[3]))
                    .as(String.join(",", cells))
                    .isGreaterThanOrEqualTo(10));
  }

  @Test
  void theApiRoleCannotReadTheRecords() {
    assertThatThrownBy(
            () ->
                apiDatabase
                    .sql("select * from donation_aggregates(1)")
                    .fetch()
                    .all()
                    .collectList()
                    .block())
        .rootCause()
        .hasMessageContaining("does not exist");
    assertThatThrownBy(
            () ->
                apiDatabase
                    .sql("select donor from private.charity_donation_records")
                    .fetch()
                    .all()
                    .collectList()
                    .block())
        .hasMessageContaining("permission denied");
  }

  private String download(String path) {
    return web.get()
        .uri(path)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .returnResult()
        .getResponseBody();
  }

  private static Map<String, Object> withheld(String field) {
    Map<String, Object> cell = new java.util.HashMap<>();
    cell.put("year", 2024);
    cell.put("field", field);
    cell.put("donors", null);
    cell.put("total", null);
    cell.put("withheld", true);
    return cell;
  }

  private static String record(int id, String date, String donor, int amount, String field) {
    return "R%03d,QT_CHARITY_FEDERATION,%s,%s,%d,%s,DEMO,DEMO_GENERATOR"
        .formatted(id, date, donor, amount, field);
  }
}
