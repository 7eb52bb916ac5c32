package cn.qingtian.portal.attack;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qingtian.portal.ApiIntegrationTest;
import cn.qingtian.portal.DatabaseTest;
import cn.qingtian.portal.TestDatabases;
import cn.qingtian.portal.dataset.PackageFixture;
import cn.qingtian.portal.dataset.PackageImporter;
import cn.qingtian.portal.dataset.PackageValidator;
import cn.qingtian.portal.release.CurrentRelease;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Attack finding 6 (docs/disclosure-control.md): comparing two releases of the donations table
 * revealed one donor's gift (10 donors/11,665 → 11 donors/100,553 exposes a gift of 88,888). Three
 * releases are imported into the test's own database, typed-in aggregates and donor-by-donor
 * records both; the attacker then downloads every release's public {@code charity-donations.csv},
 * as anyone can, and subtracts each published cell from every earlier publication of the same cell.
 * A difference from one donor (or none: a known donor's second gift) is a gift; a difference from
 * 2–9 donors is a sum of a few people's gifts. Both must come to 0.
 */
@Tag("attack")
@ApiIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DatabaseTest
class ComparingReleasesRevealsNoGiftAttackTest {

  private static final String DATABASE = TestDatabases.newDatabaseUrl();
  private static final String CHARITY = "QT_CHARITY_FEDERATION";
  private static final List<String> VERSIONS = List.of("9.1.0", "9.2.0", "9.3.0");

  /** The gifts the attacker should never learn: what joined a cell between two releases. */
  private static final Set<BigDecimal> GIFTS =
      Set.of(
          new BigDecimal("88888"), // the finding: a typed-in cell gains one donor
          new BigDecimal("3000"), // a recorded cell gains one donor, who does not dominate it
          new BigDecimal("7777"), // a donor of a recorded cell gives a second time
          new BigDecimal("5000")); // a typed-in cell, gone in release 2, back with one more donor

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("portal.database.url", () -> DATABASE);
    // The releases the attack compares are its own: no bundled release before them.
    registry.add("portal.datasets.import-on-start", () -> "false");
  }

  @Autowired PackageImporter importer;
  @Autowired CurrentRelease currentRelease;
  @Autowired WebTestClient web;
  @Autowired HttpGraphQlTester graphQl;

  private final List<String> unavailable = new ArrayList<>();

  @BeforeAll
  void importThreeReleases(@TempDir Path packages) throws Exception {
    for (int release = 1; release <= 3; release++) {
      Path folder = packages.resolve("r" + release);
      PackageFixture plan = PackageFixture.copyOfBundled(folder).version(VERSIONS.get(release - 1));
      typedIn(release).forEach(line -> plan.appendLine("charity_donations.csv", line));
      recorded(release).forEach(line -> plan.appendLine("charity_donation_records.csv", line));
      Path demo = PackageFixture.copyOfDemo(folder).directory();
      importer.importPackage(
          PackageValidator.validate(List.of(plan.directory(), demo)).valid().orElseThrow(),
          false,
          null,
          m -> {});
    }
    currentRelease.refresh().block();
  }

  @Test
  void noPublishedCellDiffersFromAnEarlierPublicationByFewerThanTenDonors() {
    Map<String, List<Figures>> published = new LinkedHashMap<>();
    for (String version : releases()) {
      download(version)
          .forEach(
              (cell, figures) ->
                  published.computeIfAbsent(cell, k -> new ArrayList<>()).add(figures));
    }
    Set<BigDecimal> recovered = new TreeSet<>();
    List<String> fewDonorDifferences = new ArrayList<>();
    published.forEach(
        (cell, releases) -> {
          for (int earlier = 0; earlier < releases.size(); earlier++) {
            for (int later = earlier + 1; later < releases.size(); later++) {
              Figures a = releases.get(earlier);
              Figures b = releases.get(later);
              long donors = Math.abs(b.donors() - a.donors());
              BigDecimal change = b.total().subtract(a.total()).abs();
              if (change.signum() == 0 || donors >= 10) {
                continue;
              }
              fewDonorDifferences.add(
                  cell + " " + a + " → " + b + ": " + change + " from " + donors + " donor(s)");
              if (donors <= 1 && GIFTS.contains(change.stripTrailingZeros().setScale(0))) {
                recovered.add(change);
              }
            }
          }
        });
    assertThat(published)
        .as("the attacker reads the cells of every release; not found: %s", unavailable)
        .isNotEmpty();
    assertThat(recovered)
        .as("gifts recovered by comparing releases; differences: %s", fewDonorDifferences)
        .isEmpty();
    assertThat(fewDonorDifferences).as("published differences of 1–9 donors").isEmpty();
  }

  @Test
  void cellsThatDidNotChangeStayPublished() {
    // The rule withholds what would reveal a few donors, not a charity's whole table.
    List<String> releases = releases();
    Map<String, Figures> last = download(releases.get(releases.size() - 1));
    assertThat(last)
        .containsEntry(CHARITY + " 2023 HEALTH", new Figures(50, new BigDecimal("60000")))
        .containsEntry(CHARITY + " 2024 OTHER", new Figures(30, new BigDecimal("18000")));
  }

  /** Every release's version, oldest first, as the API lists them. */
  private List<String> releases() {
    List<String> versions =
        graphQl
            .document("{ releases(first: 100) { nodes { version } } }")
            .execute()
            .path("releases.nodes[*].version")
            .entityList(String.class)
            .get();
    List<String> oldestFirst = new ArrayList<>(versions);
    oldestFirst.sort(
        java.util.Comparator.comparing(ComparingReleasesRevealsNoGiftAttackTest::number));
    assertThat(oldestFirst).hasSize(3);
    return oldestFirst;
  }

  private static String number(String version) {
    return java.util.Arrays.stream(version.split("[.+]"))
        .map(part -> part.matches("\\d+") ? "%06d".formatted(Integer.parseInt(part)) : part)
        .collect(java.util.stream.Collectors.joining("."));
  }

  /** The published (not withheld) cells of one release's download, as the attacker parses them. */
  private Map<String, Figures> download(String version) {
    Map<String, Figures> cells = new LinkedHashMap<>();
    var response =
        web.get()
            .uri("/datasets/charity-donations/{version}/charity-donations.csv", version)
            .exchange()
            .expectBody(String.class)
            .returnResult();
    if (response.getStatus().value() == 404) {
      unavailable.add(version + " (" + response.getUrl() + "): " + response.getResponseBody());
      return cells; // a release without donations
    }
    assertThat(response.getStatus().value()).as(version).isEqualTo(200);
    String csv = response.getResponseBody();
    csv.lines()
        .skip(1)
        .map(line -> line.split(",", -1))
        .filter(values -> !values[3].isEmpty())
        .forEach(
            values ->
                cells.put(
                    values[0] + " " + values[1] + " " + values[2],
                    new Figures(Long.parseLong(values[3]), new BigDecimal(values[4]))));
    return cells;
  }

  /** Aggregates a package types in (no donor's part known). */
  private static List<String> typedIn(int release) {
    List<String> lines = new ArrayList<>();
    lines.add(typed(2023, "EDUCATION", release == 1 ? 10 : 11, release == 1 ? 11665 : 100553));
    lines.add(typed(2023, "HEALTH", 50, 60000));
    lines.add(typed(2023, "ELDERLY", 40, 52000));
    if (release != 2) {
      lines.add(typed(2022, "ELDERLY", release == 1 ? 20 : 21, release == 1 ? 30000 : 35000));
    }
    lines.add(typed(2022, "HEALTH", 60, 70000));
    lines.add(typed(2022, "EDUCATION", 45, 50000));
    return lines;
  }

  /** Donations donor by donor (every donor's part known to the gate). */
  private static List<String> recorded(int release) {
    List<String> lines = new ArrayList<>();
    for (int donor = 1; donor <= 12; donor++) {
      lines.add(record(lines.size(), "H" + donor, 1000, "HEALTH"));
    }
    for (int donor = 1; donor <= 40; donor++) {
      lines.add(record(lines.size(), "P" + donor, 500, "POVERTY"));
    }
    for (int donor = 1; donor <= 15; donor++) {
      lines.add(record(lines.size(), "E" + donor, 800, "ELDERLY"));
    }
    for (int donor = 1; donor <= 30; donor++) {
      lines.add(record(lines.size(), "O" + donor, 600, "OTHER"));
    }
    if (release >= 2) {
      lines.add(record(lines.size(), "H13", 3000, "HEALTH"));
      lines.add(record(lines.size(), "P1", 7777, "POVERTY"));
      lines.add(record(lines.size(), "E16", 2100, "ELDERLY"));
      lines.add(record(lines.size(), "E17", 2400, "ELDERLY"));
      lines.add(record(lines.size(), "E18", 2600, "ELDERLY"));
    }
    return lines;
  }

  private static String typed(int year, String field, int donors, long total) {
    return "%s,%d,%s,%d,%d,DEMO,DEMO_GENERATOR".formatted(CHARITY, year, field, donors, total);
  }

  private static String record(int id, String donor, long amount, String field) {
    return "R%04d,%s,2024-06-01,%s,%d,%s,DEMO,DEMO_GENERATOR"
        .formatted(id, CHARITY, donor, amount, field);
  }

  /** A published cell's figures. */
  private record Figures(long donors, BigDecimal total) {}
}
