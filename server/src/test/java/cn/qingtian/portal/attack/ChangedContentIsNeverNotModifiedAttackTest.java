package cn.qingtian.portal.attack;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qingtian.portal.ApiIntegrationTest;
import cn.qingtian.portal.DatabaseTest;
import cn.qingtian.portal.RawHttp;
import cn.qingtian.portal.TestDatabases;
import cn.qingtian.portal.dataset.PackageFixture;
import cn.qingtian.portal.dataset.PackageImporter;
import cn.qingtian.portal.dataset.PackageValidator;
import cn.qingtian.portal.dataset.ValidatedPackage;
import cn.qingtian.portal.release.CurrentRelease;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Attack finding 9 (docs/reliability.md): {@code Last-Modified} came from the package's {@code
 * created} field, so a changed {@code latest} file still answered {@code If-Modified-Since} with
 * 304 when the new package kept its date, and the catalogue's modification date never moved; {@code
 * { rateLimit { remaining } }} over GET was cacheable for 60 s and revalidated to 304 after it had
 * changed. Dates are when the content was committed to the database (D19), and an answer about the
 * caller is never stored.
 */
@Tag("attack")
@ApiIntegrationTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DatabaseTest
class ChangedContentIsNeverNotModifiedAttackTest {

  private static final String DATABASE = TestDatabases.newImportedDatabaseUrl();
  private static final String LATEST = "/datasets/observations/latest/observations.csv";
  private static final String CHANGED = "RURAL_DISPOSABLE_INCOME_PER_CAPITA,331121,2019,_T,";
  private static final Pattern MODIFIED = Pattern.compile("modified>?\\s+\"([^\"]+)\"");

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("portal.database.url", () -> DATABASE);
  }

  @TempDir Path temp;
  @Autowired PackageImporter importer;
  @Autowired CurrentRelease current;
  @LocalServerPort int port;

  @Test
  @Order(1)
  void aChangedFileIsNeverNotModifiedAndTheCatalogueDateMoves() throws Exception {
    RawHttp.Response before = get(LATEST);
    assertThat(before.status()).isEqualTo(200);
    String lastModified = before.header("Last-Modified").orElseThrow();
    String catalogueBefore = modified(get("/datasets/catalog.ttl").text());

    // The same package date (its `created`), other content: as a partner's corrected upload.
    ValidatedPackage changed =
        PackageValidator.validate(
                List.of(
                    PackageFixture.copyOfBundled(temp)
                        .version("1.6.1")
                        .replace("observations.csv", CHANGED + "25222,", CHANGED + "25300,")
                        .directory(),
                    PackageFixture.DEMO))
            .valid()
            .orElseThrow();
    importer.importPackage(changed, false, "corrected", message -> {});
    current.refresh().block();

    RawHttp.Response after = get(LATEST, "If-Modified-Since", lastModified);
    assertThat(after.status())
        .as("a changed file asked If-Modified-Since its old Last-Modified (%s)", lastModified)
        .isEqualTo(200);
    assertThat(after.text()).contains(CHANGED + "25300,");
    assertThat(date(after.header("Last-Modified").orElseThrow())).isAfter(date(lastModified));
    assertThat(
            get(LATEST, "If-Modified-Since", after.header("Last-Modified").orElseThrow()).status())
        .as("the same file asked again")
        .isEqualTo(304);

    String catalogueAfter = modified(get("/datasets/catalog.ttl").text());
    assertThat(catalogueAfter).as("the catalogue's dct:modified").isNotEqualTo(catalogueBefore);
    assertThat(ZonedDateTime.parse(catalogueAfter)).isAfter(ZonedDateTime.parse(catalogueBefore));

    // The feed of releases dates itself by the commit too: after the first release's date, though
    // the package states the same date as before.
    String feedAfter = feedUpdated(temp.resolve("site"));
    assertThat(ZonedDateTime.parse(feedAfter))
        .as("the releases feed's <updated>")
        .isAfter(ZonedDateTime.parse(catalogueBefore));
  }

  @Test
  @Order(2)
  void theCallersRateLimitIsNeverCachedNorNotModified() {
    String url = "/graphql?query=%7BrateLimit%7Bremaining%7D%7D";
    RawHttp.Response first = get(url);
    assertThat(first.status()).isEqualTo(200);
    assertThat(first.header("Cache-Control")).as("Cache-Control").hasValue("private, no-store");
    RawHttp.Response second =
        get(url, "If-None-Match", first.header("ETag").orElse("\"any\""), "If-None-Match", "*");
    assertThat(second.status()).as("asked again with its ETag").isEqualTo(200);
    assertThat(second.text()).isNotEqualTo(first.text());
    // The same over POST, and a query that reads the rate limit under an alias in a fragment.
    RawHttp.Response post =
        RawHttp.post(
            "http://localhost:" + port + "/graphql",
            "{\"query\":\"{ ...f } fragment f on Query { left: rateLimit { remaining } }\"}");
    assertThat(post.header("Cache-Control")).hasValue("private, no-store");
    RawHttp.Response fragment =
        get("/graphql?query=%7B...f%7D+fragment+f+on+Query%7Bleft%3ArateLimit%7Bremaining%7D%7D");
    assertThat(fragment.header("Cache-Control")).hasValue("private, no-store");
    assertThat(fragment.header("ETag")).isEmpty();
  }

  private RawHttp.Response get(String path, String... headers) {
    return RawHttp.get("http://localhost:" + port + path, headers);
  }

  /** Builds the site from this portal over HTTP, as a mirror does, and reads its feed's date. */
  private String feedUpdated(Path site) throws Exception {
    var transport =
        new cn.qingtian.site.HttpGraphQlTransport(
            java.net.URI.create("http://localhost:" + port + "/graphql"));
    new cn.qingtian.site.SiteGenerator(
            transport, cn.qingtian.site.SiteSettings.defaults(), message -> {})
        .publish(site);
    String feed = java.nio.file.Files.readString(site.resolve("feeds/releases.xml"));
    Matcher updated = Pattern.compile("<updated>([^<]+)</updated>").matcher(feed);
    assertThat(updated.find()).as("<updated> in\n" + feed).isTrue();
    return updated.group(1);
  }

  private static String modified(String turtle) {
    Matcher matcher = MODIFIED.matcher(turtle);
    assertThat(matcher.find()).as("dct:modified in\n" + turtle).isTrue();
    return matcher.group(1);
  }

  private static ZonedDateTime date(String httpDate) {
    return ZonedDateTime.parse(httpDate, DateTimeFormatter.RFC_1123_DATE_TIME);
  }
}
