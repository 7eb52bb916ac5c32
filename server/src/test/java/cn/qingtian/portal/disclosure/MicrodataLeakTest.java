package cn.qingtian.portal.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qingtian.portal.ApiIntegrationTest;
import cn.qingtian.portal.DatabaseTest;
import cn.qingtian.portal.TestDatabases;
import cn.qingtian.portal.dataset.PackageFixture;
import cn.qingtian.portal.dataset.PackageImporter;
import cn.qingtian.portal.dataset.PackageValidator;
import cn.qingtian.portal.release.CurrentRelease;
import cn.qingtian.portal.site.SiteBuildScheduler;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * No API response, page or download of a release carries microdata. The release holds the demo
 * microdata plus a canary household with an id and an income found nowhere else; the scan looks for
 * every household id, the canary's income, and (in the income answers) any exact income.
 */
@ApiIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DatabaseTest
class MicrodataLeakTest {

  private static final String DATABASE = TestDatabases.newImportedDatabaseUrl();
  private static final String CANARY = "CANARY-7731";
  private static final long CANARY_INCOME = 987_654_321L;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("portal.database.url", () -> DATABASE);
  }

  @Autowired PackageImporter importer;
  @Autowired CurrentRelease currentRelease;
  @Autowired WebTestClient web;
  @Autowired SiteBuildScheduler publishing;
  @Autowired org.springframework.r2dbc.core.DatabaseClient apiDatabase;

  @BeforeAll
  void importMicrodataWithACanary(@TempDir Path packages) throws Exception {
    Path plan = PackageFixture.copyOfBundled(packages).version("9.3.0").directory();
    PackageFixture demo = PackageFixture.copyOfDemo(packages);
    for (int year = 2020; year <= 2024; year++) {
      demo.appendLine(
          "household_microdata.csv",
          CANARY + ",T01," + year + ",3,true," + CANARY_INCOME + ",false,false,true,DEMO");
    }
    importer.importPackage(
        PackageValidator.validate(List.of(plan, demo.directory())).valid().orElseThrow(),
        false,
        null,
        m -> {});
    currentRelease.refresh().block();
  }

  @Test
  void noResponsePageOrDownloadCarriesAHouseholdIdOrAnExactIncome(@TempDir Path temp)
      throws Exception {
    List<String> incomeAnswers = new ArrayList<>();
    for (int year = 2020; year <= 2024; year++) {
      for (String table : Disclosure.TABLES) {
        incomeAnswers.add(
            post(
                "{ incomeDistribution(year: %d, table: %s) { cells { row rowName column count reason } } }"
                    .formatted(year, table)));
      }
    }
    incomeAnswers.add(post("{ disclosureReport { rules tables { year table published } } }"));
    List<String> everything = new ArrayList<>(incomeAnswers);
    for (int year = 2020; year <= 2024; year++) {
      // rounded to 100 or 1,000 yuan: checked for ids, not against every exact income
      everything.add(post("{ incomeStatistics(year: %d) { row value reason } }".formatted(year)));
    }
    everything.add(
        post(
            "{ currentRelease { version changes { table added } } indicators(first: 100) { nodes { code"
                + " observations { nodes { period value footnote } } targets { progress { summary } } } } }"));
    everything.add(
        web.get()
            .uri("/datasets/charity-grants/latest/charity-grants.360giving.json")
            .exchange()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody());
    Path site = temp.resolve("site");
    publishing.publish(currentRelease.get(), site, message -> {});
    try (Stream<Path> files = Files.walk(site.toRealPath())) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        everything.addAll(texts(file.getFileName().toString(), Files.readAllBytes(file)));
      }
    }
    assertThat(everything).hasSizeGreaterThan(300);
    assertThat(everything.get(0)).contains("9.3.0").doesNotContain("errors");
    for (String text : everything) {
      assertThat(text)
          .doesNotContain("HH000", CANARY, Long.toString(CANARY_INCOME), "987,654,321")
          .doesNotContain("household_microdata");
    }
    Set<String> incomes = new HashSet<>();
    MicrodataGenerator.generate(MicrodataGenerator.SEED, 2_000, 2020, 5)
        .forEach(h -> incomes.add(Long.toString(h.income())));
    for (String answer : incomeAnswers) {
      assertThat(wholeNumbers(answer))
          .doesNotContainAnyElementsOf(incomes.stream().filter(i -> i.length() > 4).toList());
    }
  }

  @Test
  void aReleaseThatRevisesPublishedIncomeCellsSaysSo() {
    // The canary household changes the means and medians of T01 and of the county in every year
    // release 1 published (its counts move by 1, which rounding to base 5 hides).
    String note = post("{ currentRelease { number note } }");
    assertThat(note)
        .contains("\"number\":2")
        .contains("revises derived data earlier releases published (income_statistics ~")
        .contains("earlier releases are unchanged");
  }

  @Test
  void theApiRoleCannotReadTheMicrodata() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                apiDatabase
                    .sql("select id, income from private.household_microdata")
                    .fetch()
                    .all()
                    .collectList()
                    .block())
        .hasMessageContaining("permission denied");
  }

  /**
   * A file's text; for archives and compressed copies, the text of what they hold (a 5-byte marker
   * can occur by chance in compressed bytes, and what matters is what a reader unpacks).
   */
  private static List<String> texts(String name, byte[] content) throws IOException {
    if (name.endsWith(".gz")) {
      try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(content))) {
        return texts(name.substring(0, name.length() - 3), in.readAllBytes());
      }
    }
    if (name.endsWith(".zip") || name.endsWith(".xlsx")) {
      List<String> texts = new ArrayList<>();
      try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
        for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
          texts.addAll(texts(entry.getName(), zip.readAllBytes()));
        }
      }
      assertThat(texts).as(name + " unpacks").isNotEmpty();
      return texts;
    }
    return List.of(new String(content, StandardCharsets.UTF_8));
  }

  private static Set<String> wholeNumbers(String text) {
    Set<String> numbers = new HashSet<>();
    Matcher matcher = Pattern.compile("(?<![0-9.])[0-9]+(?![0-9.])").matcher(text);
    while (matcher.find()) {
      numbers.add(matcher.group());
    }
    return numbers;
  }

  private String post(String query) {
    return web.post()
        .uri("/graphql")
        .bodyValue(Map.of("query", query))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .returnResult()
        .getResponseBody();
  }
}
