package cn.qingtian.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Labels travel with DEMO values (decision D25), on a whole site published from a small made-up
 * release: one indicator, its values official or DEMO, beside an official comparison series.
 */
class DemoLabelsTest {

  @TempDir static Path temp;

  /** The two sites, each published once for all tests. */
  private static final Map<Boolean, Path> SITES = new java.util.concurrent.ConcurrentHashMap<>();

  @Test
  void aBuildWithoutDemoDataSharesThePlainImageAndLabelsNothing() throws IOException {
    Path site = publish(false);
    for (Path file : pages(site)) {
      Document page = Jsoup.parse(Files.readString(file));
      String name = site.relativize(file).toString();
      assertThat(page.select("meta[property=og:image]").attr("content"))
          .as(name)
          .endsWith("assets/share.png");
      assertThat(page.select("meta[property=og:image:alt]").attr("content"))
          .as(name)
          .isNotBlank()
          .doesNotContain("DEMO");
      assertThat(page.select("meta[name=description]").attr("content"))
          .as(name)
          .doesNotContain("DEMO");
      assertThat(page.select(".badge-demo, .demo-banner")).as(name).isEmpty();
    }
    assertThat(site.resolve("assets/share.png")).isRegularFile();
  }

  @Test
  void aBuildWithDemoDataSharesTheImageMarkedDemoWithAltTextSayingSo() throws IOException {
    Path site = publish(true);
    for (Path file : pages(site)) {
      Document page = Jsoup.parse(Files.readString(file));
      String name = site.relativize(file).toString();
      assertThat(page.select("meta[property=og:image]").attr("content"))
          .as(name)
          .endsWith("assets/share-demo.png");
      assertThat(page.select("meta[property=og:image:alt]").attr("content"))
          .as(name)
          .contains("DEMO");
    }
    assertThat(site.resolve("assets/share-demo.png")).isRegularFile();
    Document indicator = page(site, "indicators/INCOME/index.html");
    assertThat(indicator.select("meta[name=description]").attr("content"))
        .isEqualTo("演示数据（DEMO）：2024年为90元。");
    Document home = page(site, "index.html");
    assertThat(home.select("meta[property=og:description]").attr("content"))
        .isEqualTo("本页含演示数据（DEMO）。示例方案");
  }

  @Test
  void aSeriesMixingProvenancesSaysSoInItsLegendTableAndDescription() throws IOException {
    Path site = publish(true);
    Document zh = page(site, "indicators/INCOME/index.html");
    assertThat(zh.select(".legend li:has(.key.series)").eachText())
        .containsExactly("青田县（混合来源：官方数据、演示数据 DEMO）", "丽水市（官方数据）");
    assertThat(zh.select(".legend li:has(.key.path)").text()).isEqualTo("目标路径（演示数据 DEMO）");
    assertThat(zh.select(".legend li:has(.key.demo)").text()).isEqualTo("演示数据（DEMO）");
    assertThat(zh.select("svg desc").text())
        .isEqualTo("演示数据（DEMO）：2024年为90元。 图中各线：青田县（混合来源：官方数据、演示数据 DEMO）；丽水市（官方数据）。");
    assertThat(zh.select("table caption").eachText())
        .containsExactly("人均收入 (元) · 青田县（混合来源：官方数据、演示数据 DEMO）", "比较地区: 丽水市（官方数据）");
    assertThat(zh.select("tr.demo td").eachText()).contains("演示数据（DEMO）");
    assertThat(zh.select(".figures dd").eachText())
        .allSatisfy(dd -> assertThat(dd).startsWith("演示数据（DEMO）：").containsOnlyOnce("DEMO"));
    Document en = page(site, "en/indicators/INCOME/index.html");
    assertThat(en.select(".legend li:has(.key.series)").eachText())
        .containsExactly(
            "Qingtian County (mixed: official data, DEMO data)", "Lishui (official data)");
    assertThat(en.select(".legend li:has(.key.demo)").text()).isEqualTo("DEMO data (synthetic)");
    assertThat(en.select("tr.demo td").eachText()).contains("DEMO data (synthetic)");
  }

  @Test
  void aSearchResultOfAnIndicatorWithDemoDataCarriesTheLabelInItsText() throws IOException {
    Path site = publish(true);
    String zh = Files.readString(site.resolve("search/index.json"));
    assertThat(zh).contains("\"数据含演示数据（DEMO）。定义 达到100\",1]");
    String en = Files.readString(site.resolve("en/search/index.json"));
    assertThat(en).contains("\"Its data include DEMO data (synthetic). Definition Reach 100\",1]");
    assertThat(publishedIndex(false)).doesNotContain("DEMO");
  }

  private static String publishedIndex(boolean demo) throws IOException {
    return Files.readString(publish(demo).resolve("search/index.json"));
  }

  private static Path publish(boolean demo) {
    return SITES.computeIfAbsent(
        demo,
        d -> {
          Path out = temp.resolve(d ? "demo" : "plain");
          new SiteGenerator(
                  (document, variables) -> answer(document, (String) variables.get("lang"), d),
                  SiteSettings.defaults(),
                  message -> {})
              .publish(out);
          return out;
        });
  }

  private static Document page(Path site, String file) throws IOException {
    return Jsoup.parse(Files.readString(site.resolve(file)));
  }

  private static List<Path> pages(Path site) throws IOException {
    Path root = site.toRealPath();
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(f -> f.toString().endsWith(".html"))
          .map(f -> site.resolve(root.relativize(f)))
          .sorted()
          .toList();
    }
  }

  /** The API's answer to each of the site's documents, for the made-up release. */
  private static String answer(String document, String lang, boolean demo) {
    boolean en = "EN".equals(lang);
    String query = document.substring(document.indexOf("query ") + 6).split("[ ({]")[0];
    return switch (query) {
      case "overview" -> overview(en);
      case "income" -> "{\"disclosureReport\":{\"release\":1,\"rules\":\"r\",\"tables\":[]}}";
      case "downloads" ->
          "{\"currentRelease\":{\"version\":\"1.0.0\",\"files\":[]},\"datasets\":[]}";
      case "indicators" -> page("indicators", indicator(en, demo));
      case "releases", "measures", "departments", "charities", "achievements" -> page(query, "");
      default -> throw new IllegalArgumentException(query);
    };
  }

  private static String page(String name, String nodes) {
    return "{\"%s\":{\"pageInfo\":{\"hasNextPage\":false,\"endCursor\":null},\"nodes\":[%s]}}"
        .formatted(name, nodes);
  }

  private static String overview(boolean en) {
    return """
        {"currentRelease":{"number":1,"version":"1.0.0","publishedAt":"2026-01-01T00:00:00Z",
         "contentHash":"h"},
         "geographies":{"nodes":[{"code":"331121","name":"%s"},{"code":"331100","name":"%s"}]},
         "plan":{"code":"p","title":"%s","titleText":{"lang":"%s"},"documentNumber":"1号",
         "issueDate":"2022-01-01","issuers":[],"periodStart":2021,"periodEnd":2025,
         "geography":"331121","parentPlans":{"nodes":[]},"principles":[],"areas":[],
         "sections":[],"targetGroups":{"nodes":[]},
         "progress":{"total":0,"byStatus":[],"provenance":"OFFICIAL"},
         "finalEvaluation":{"total":0,"achieved":0,"achievedAhead":0,"notAchieved":0,"projected":0,
          "cannotBeJudged":0,"provenance":"OFFICIAL"}}}
        """
        .formatted(
            en ? "Qingtian County" : "青田县",
            en ? "Lishui" : "丽水市",
            en ? "Example plan" : "示例方案",
            en ? "EN" : "ZH");
  }

  private static String indicator(boolean en, boolean demo) {
    String provenance = demo ? "DEMO" : "OFFICIAL";
    String summary = en ? "2024: 90 yuan." : "2024年为90元。";
    return """
        {"code":"INCOME","name":"%s","nameText":{"lang":"%s"},"definition":"%s","scope":null,
         "unit":"%s","frequency":"ANNUAL","statisticalUnit":null,"area":null,"measure":null,
         "progress":{"status":"ON_TRACK","provenance":"%s"},
         "targets":[{"code":"T1","kind":"LEVEL","value":100,"targetYear":2025,"text":"%s",
          "quotes":[{"text":"达到100"}],
          "progress":{"status":"ON_TRACK","reason":"%s","summary":"%s","requiredRate":0.02,
           "projectedValue":101,"provenance":"%s",
           "targetPath":[{"year":2020,"value":50},{"year":2025,"value":100}]}}],
         "observations":{"nodes":[%s,%s]},
         "comparison":[{"geography":{"name":"%s"},"observations":[%s]}]}
        """
        .formatted(
            en ? "Income" : "人均收入",
            en ? "EN" : "ZH",
            en ? "Definition" : "定义",
            en ? "yuan" : "元",
            provenance,
            en ? "Reach 100" : "达到100",
            // As the API writes them: a reason and a summary from DEMO values carry the label.
            demo ? (en ? "DEMO data (synthetic): " : "演示数据（DEMO）：") + "R = 1.0" : "R = 1.0",
            demo ? (en ? "DEMO data (synthetic): " : "演示数据（DEMO）：") + summary : summary,
            provenance,
            observation(2020, 50, "OFFICIAL"),
            observation(2024, 90, provenance),
            en ? "Lishui" : "丽水市",
            observation(2020, 60, "OFFICIAL"));
  }

  private static String observation(int year, double value, String provenance) {
    return """
        {"period":"%d","year":%d,"annual":true,"value":%s,"provenance":"%s","footnote":null,
         "source":{"code":"S","title":"统计公报","publisher":null,"url":null,"published":null}}
        """
        .formatted(year, year, value, provenance);
  }
}
