package cn.qingtian.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The downloads page and the download links of detail pages, rendered from a made-up release. */
class DownloadsPageTest {

  private static final String VERSION = "1.5.0+demo.1.3.0";
  private static final String SHA = "ab".repeat(32);
  private final SiteRenderer renderer = new SiteRenderer();

  private static Api.Distribution file(String name, String format, String label, double size) {
    return new Api.Distribution(name, format, label, size, SHA);
  }

  private static final Api.Dataset OBSERVATIONS =
      new Api.Dataset(
          "observations",
          "observations",
          "观测值",
          "各指标的观测值 <b>",
          "青田县",
          "https://creativecommons.org/licenses/by/4.0/",
          "ANNUAL",
          new Api.Coverage(2020, 2025),
          1234,
          true,
          List.of(
              file("observations.csv", "CSV", "CSV", 43_827),
              file("observations-excel.csv", "CSV_EXCEL", "CSV (Excel, UTF-8 BOM)", 43_830),
              file("observations.json", "JSON", "JSON", 90_000),
              file("observations.xlsx", "XLSX", "XLSX", 30_000)));

  private static final Api.Downloads DOWNLOADS =
      new Api.Downloads(
          new Api.ReleaseFiles(
              VERSION,
              List.of(
                  file("qingtian-portal-data.zip", "ZIP", "ZIP", 2_000_000),
                  file("datapackage.json", "DATA_PACKAGE", "Frictionless Data Package", 9000),
                  file("changes.csv", "CHANGE_LOG", "CSV (change log)", 100))),
          List.of(OBSERVATIONS));

  private static final List<Api.ReleaseEntry> RELEASES =
      List.of(
          new Api.ReleaseEntry(
              3,
              VERSION,
              "2025-06-01T00:00:00Z",
              "c3",
              null,
              List.of(new Api.Change("observations", 12, 3, 1)),
              "2025-06-02T10:00:00Z"),
          new Api.ReleaseEntry(
              2, "1.4.0", "2025-01-01T00:00:00Z", "c2", "note", List.of(), "2025-01-02T10:00:00Z"),
          new Api.ReleaseEntry(
              1, "1.0.0", "2024-01-01T00:00:00Z", "c1", null, List.of(), "2024-01-02T10:00:00Z"));

  private static PageContext page(String lang, String path) {
    return new PageContext(
        lang,
        path,
        "title",
        "description",
        new Api.Release(3, VERSION, "2025-06-01T00:00:00Z", "c3", "2025-06-02T10:00:00Z"),
        true,
        true,
        SiteSettings.defaults());
  }

  @Test
  void listsEveryDatasetAndReleaseWithRelativeLinks() {
    String html =
        renderer.render(
            "downloads",
            new Pages.Downloads(
                page("en", "downloads/"),
                DOWNLOADS,
                RELEASES,
                Map.of("1.4.0", DOWNLOADS.currentRelease().files())));
    assertThat(html)
        .contains("href=\"../../datasets/observations/" + VERSION + "/observations.csv\"")
        .contains("href=\"../../datasets/all/" + VERSION + "/qingtian-portal-data.zip\"")
        .contains("href=\"../../datasets/all/1.4.0/qingtian-portal-data.zip\"")
        .contains("href=\"../../datasets/all/1.4.0/changes.csv\"")
        .contains("<data value=\"43827\">42.8 KB</data>")
        .contains(SHA)
        .contains("<span class=\"badge-demo\">DEMO</span> DEMO data")
        .contains("2020–2025", "1,234", "Yearly", ">CC BY 4.0</a>")
        .contains("+12", "~3", "-1")
        .contains("published before downloads existed")
        .contains("&lt;b&gt;")
        .doesNotContain("<b>")
        .contains("href=\"../../datasets/catalog.ttl\"")
        .contains("type=\"application/ld+json\" href=\"../../datasets/catalog.jsonld\"");
  }

  @Test
  void aDetailPageLinksTheCsvXlsxAndJsonOfItsDatasets() {
    String html =
        renderer.render(
            "measure",
            new Pages.Measure(
                page("zh", "measures/P13/"),
                new Api.Measure(
                    "P13",
                    "MEASURE",
                    13,
                    "举措",
                    new Api.Lang("ZH"),
                    "summary",
                    "text",
                    null,
                    null,
                    new Api.Edges<>(List.of()),
                    new Api.Nodes<>(List.of()),
                    new Api.Counts(0, List.of(), "OFFICIAL")),
                List.of(),
                new Pages.DataLinks(VERSION, List.of(OBSERVATIONS))));
    assertThat(html)
        .contains("下载数据")
        .contains("href=\"../../datasets/observations/" + VERSION + "/observations.csv\"")
        .contains("href=\"../../datasets/observations/" + VERSION + "/observations.xlsx\"")
        .contains("href=\"../../datasets/observations/" + VERSION + "/observations.json\"")
        .doesNotContain("observations-excel.csv")
        .contains("href=\"../../downloads/\"");
  }

  @Test
  void licencesHaveTheirUsualNames() {
    assertThat(Pages.licenceName("https://creativecommons.org/licenses/by/4.0/"))
        .isEqualTo("CC BY 4.0");
    assertThat(Pages.licenceName("https://creativecommons.org/licenses/by-sa/4.0/deed.zh"))
        .isEqualTo("CC BY-SA 4.0");
    assertThat(Pages.licenceName("https://creativecommons.org/publicdomain/zero/1.0/"))
        .isEqualTo("CC0 1.0");
    assertThat(Pages.licenceName("https://example.org/licence"))
        .isEqualTo("https://example.org/licence");
  }
}
