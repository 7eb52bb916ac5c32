package cn.qingtian.portal.site;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qingtian.portal.ApiIntegrationTest;
import cn.qingtian.portal.TestDatabases;
import cn.qingtian.portal.dataset.PackageFixture;
import cn.qingtian.portal.dataset.PackageImporter;
import cn.qingtian.portal.dataset.PackageValidator;
import cn.qingtian.portal.release.CurrentRelease;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Escaping is never turned off for data: markup and quotes in the data stay text on every page. */
@ApiIntegrationTest
class SiteEscapingTest {

  private static final String DATABASE = TestDatabases.newImportedDatabaseUrl();
  private static final String SCRIPT = "<script>alert('x')</script>";
  private static final String IMAGE = "\"><img src=x onerror=alert(1)>";

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("portal.database.url", () -> DATABASE);
  }

  @TempDir Path temp;
  @Autowired PackageImporter importer;
  @Autowired CurrentRelease currentRelease;
  @Autowired SiteBuildScheduler publishing;

  @Test
  void markupAndQuotesInTheDataAreShownAsText() throws Exception {
    Path hostile =
        PackageFixture.copyOfBundled(temp)
            .version("6.6.6")
            .replace("measures.csv", ",扩大就业容量,", "," + SCRIPT.replace("'", "’") + "扩大就业容量,")
            .replace(
                "indicators.csv",
                ",居民人均可支配收入,",
                ",\"居民人均可支配收入" + IMAGE.replace("\"", "\"\"") + "\",")
            .replace("observations.csv", "比上年增长10.5%", "<b onclick=\"\"x\"\">比上年增长10.5%</b>")
            .directory();
    var valid =
        PackageValidator.validate(List.of(hostile, PackageFixture.DEMO)).valid().orElseThrow();
    importer.importPackage(valid, false, null, message -> {});
    Path site = temp.resolve("site");
    publishing.publish(currentRelease.refresh().block(), site, message -> {});

    for (Path page : SiteFiles.pages(site)) {
      String html = SiteFiles.read(page);
      assertThat(html)
          .as(page.toString())
          .doesNotContain("<script>alert", "<img src=x", "<b onclick");
    }
    String measure = SiteFiles.read(site.resolve("measures/P01/index.html"));
    assertThat(measure).contains("&lt;script&gt;alert(");
    assertThat(Jsoup.parse(measure).select("h1").text()).contains("<script>alert(’x’)</script>");
    String indicator =
        SiteFiles.read(site.resolve("indicators/DISPOSABLE_INCOME_PER_CAPITA/index.html"));
    var document = Jsoup.parse(indicator);
    assertThat(document.select("h1").text()).endsWith(IMAGE);
    assertThat(document.select("meta[property=og:title]").attr("content")).endsWith(IMAGE);
    assertThat(document.select("img")).isEmpty();
    String rural =
        SiteFiles.read(site.resolve("indicators/RURAL_DISPOSABLE_INCOME_PER_CAPITA/index.html"));
    assertThat(Jsoup.parse(rural).select("td").eachText())
        .anySatisfy(cell -> assertThat(cell).startsWith("<b onclick="));
  }
}
