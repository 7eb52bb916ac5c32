package cn.qingtian.portal.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.qingtian.portal.ApiIntegrationTest;
import cn.qingtian.portal.SharedDatabase;
import cn.qingtian.portal.release.CurrentRelease;
import cn.qingtian.site.ExtraFiles;
import cn.qingtian.site.Newsroom;
import cn.qingtian.site.SiteGenerator;
import cn.qingtian.site.SiteSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.ExecutionGraphQlService;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * The published site: complete, deterministic, valid, light, self-contained, and true to the API.
 */
@ApiIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SitePublishTest extends SharedDatabase {

  @Autowired SiteBuildScheduler publishing;
  @Autowired CurrentRelease currentRelease;
  @Autowired HttpGraphQlTester graphQl;
  @Autowired ExecutionGraphQlService executionGraphQl;

  /** 牵头 and its English words: the document names no lead unit (D16). */
  private static final Pattern LEAD = Pattern.compile("牵头|\\b(?i:lead|leads|leading|led)\\b");

  @TempDir static Path temp;
  private Path site;

  @BeforeAll
  void publish() {
    site = temp.resolve("site");
    publishing.publish(currentRelease.refresh().block(), site, message -> {});
  }

  private Map<Path, Document> documents;

  /** Every page of the site, parsed once for the tests that read them all. */
  private synchronized Map<Path, Document> parsedPages() {
    if (documents == null) {
      documents = new java.util.LinkedHashMap<>();
      SiteFiles.pages(site).forEach(file -> documents.put(file, Jsoup.parse(SiteFiles.read(file))));
    }
    return documents;
  }

  @Test
  void publishesEveryKindOfPageInBothLanguages() {
    for (String prefix : List.of("", "en/")) {
      for (String page :
          List.of(
              "index.html",
              "plan/index.html",
              "indicators/index.html",
              "indicators/DISPOSABLE_INCOME_PER_CAPITA/index.html",
              "measures/P13/index.html",
              "groups/TG7/index.html",
              "departments/index.html",
              "departments/CIVIL/index.html",
              "about/index.html",
              "api/index.html",
              "404.html",
              "charities/index.html",
              "charities/QT_CHARITY_FEDERATION/index.html",
              "charities/DEMO_CHARITY_07/index.html",
              "downloads/index.html")) {
        assertThat(site.resolve(prefix + page)).as(prefix + page).isRegularFile();
      }
    }
    assertThat(site.resolve("sitemap.xml"))
        .content()
        .contains("en/measures/P13/", "\n  <url><loc>downloads/</loc>", "en/downloads/");
    assertThat(site.resolve("robots.txt")).content().contains("Sitemap:");
    assertThat(SiteFiles.pages(site)).hasSizeGreaterThan(300);
  }

  @Test
  void theDownloadsPageListsEveryDatasetWithRelativeVersionedLinks() {
    String version = currentVersion();
    int datasets =
        graphQl
            .document("{ datasets { name } }")
            .execute()
            .path("datasets")
            .entityList(Map.class)
            .get()
            .size();
    for (String prefix : List.of("", "en/")) {
      String root = prefix.isEmpty() ? "../" : "../../";
      Document page = Jsoup.parse(SiteFiles.read(site.resolve(prefix + "downloads/index.html")));
      assertThat(page.select("section.dataset")).as(prefix).hasSize(datasets);
      var observations = page.select("section#dataset-observations");
      assertThat(observations).as(prefix).hasSize(1);
      assertThat(observations.select("a[href$=/observations.csv]").attr("href"))
          .isEqualTo(root + "datasets/observations/" + version + "/observations.csv");
      assertThat(observations.select(".badge-demo").text()).isEqualTo("DEMO");
      assertThat(observations.select("data").first().text()).matches("[0-9.]+ (B|KB|MB)");
      assertThat(observations.select("code.hash").first().text()).matches("[0-9a-f]{64}");
      assertThat(page.select("#release ~ div a[href$=.zip]").attr("href"))
          .isEqualTo(root + "datasets/all/" + version + "/qingtian-portal-data.zip");
      assertThat(page.select("a[rel=license]").text()).contains("CC BY 4.0");
      assertThat(page.select("nav a[href$=downloads/]")).isNotEmpty();
    }
  }

  @Test
  void theApiPageGivesTheNewsroomQuestionsWithTheirQueriesInItsLanguage() {
    List<Newsroom.Question> questions = Newsroom.questions();
    for (String lang : List.of("zh", "en")) {
      String prefix = lang.equals("en") ? "en/" : "";
      Document page = Jsoup.parse(SiteFiles.read(site.resolve(prefix + "api/index.html")));
      assertThat(page.select("html").attr("lang")).isEqualTo(lang.equals("en") ? "en" : "zh-CN");
      assertThat(page.select("main h1")).hasSize(1);
      assertThat(page.select("main h2").eachAttr("id"))
          .containsExactly("caching", "calling", "questions");
      assertThat(page.select("#questions").text()).contains("12");
      var items = page.select("ol.newsroom > li");
      assertThat(items).hasSize(12);
      for (int i = 0; i < questions.size(); i++) {
        Newsroom.Question question = questions.get(i);
        var item = items.get(i);
        assertThat(item.id()).isEqualTo(question.id());
        assertThat(item.select("h3").text())
            .isEqualTo(lang.equals("en") ? question.en() : question.zh());
        assertThat(item.select("pre code").first().wholeText()).isEqualTo(question.query());
        assertThat(item.select("p").text().replace(" ", ""))
            .isEqualTo(
                (lang.equals("en") ? question.answerEn() : question.answerZh())
                    .replace("`", "")
                    .replace(" ", ""));
      }
      String intro = page.select("main > p").first().text();
      assertThat(intro).contains("/graphql", "X-RateLimit-Remaining", "429", "Retry-After");
      assertThat(page.select("#caching + p").text()).contains("ETag", "max-age=60", "304");
      assertThat(page.select("#calling ~ pre").first().wholeText())
          .contains(Newsroom.example().json(), Newsroom.example().oneLine());
    }
    Document english = Jsoup.parse(SiteFiles.read(site.resolve("en/api/index.html")));
    assertThat(english.select("li#search h3 span[lang=zh-CN]").text()).isEqualTo("低收入");
    assertThat(english.select("li#unit-measures p code").eachText())
        .contains("measures.totalCount");
  }

  @Test
  void everyPageHeadLinksTheDcatCatalogue() {
    for (Path file : SiteFiles.pages(site)) {
      Document page = Jsoup.parse(SiteFiles.read(file));
      assertThat(
              page.select("head link[rel=alternate][type=text/turtle][title=DCAT-AP]").attr("href"))
          .as(file.toString())
          .endsWith("datasets/catalog.ttl");
      assertThat(
              page.select("head link[rel=alternate][type=application/ld+json][title=DCAT-AP]")
                  .attr("href"))
          .as(file.toString())
          .endsWith("datasets/catalog.jsonld");
    }
    Document measure = Jsoup.parse(SiteFiles.read(site.resolve("en/measures/P13/index.html")));
    assertThat(measure.select("link[type=text/turtle]").attr("href"))
        .isEqualTo("../../../datasets/catalog.ttl");
  }

  @Test
  void indicatorMeasureAndCharityPagesLinkTheirDatasets() {
    String version = currentVersion();
    for (Map.Entry<String, String> page :
        Map.of(
                "indicators/DISPOSABLE_INCOME_PER_CAPITA/index.html", "observations",
                "en/measures/P13/index.html", "measures",
                "charities/DEMO_CHARITY_01/index.html", "charity-grants")
            .entrySet()) {
      Document document = Jsoup.parse(SiteFiles.read(site.resolve(page.getKey())));
      String root = page.getKey().startsWith("en/") ? "../../../" : "../../";
      String dataset = page.getValue();
      assertThat(document.select("#download-data ~ ul a").eachAttr("href"))
          .as(page.getKey())
          .contains(
              root + "datasets/" + dataset + "/" + version + "/" + dataset + ".csv",
              root + "datasets/" + dataset + "/" + version + "/" + dataset + ".xlsx",
              root + "datasets/" + dataset + "/" + version + "/" + dataset + ".json");
    }
  }

  @Test
  void addsTheHostsExtraFilesToTheBuildBeforeItGoesLive() {
    Path out = temp.resolve("extra");
    publisher(
            build -> {
              assertThat(build.resolve("downloads/index.html")).isRegularFile();
              Files.createDirectories(build.resolve("datasets"));
              Files.writeString(build.resolve("datasets/catalog.ttl"), "# catalogue");
            })
        .publish(out);
    assertThat(out.resolve("datasets/catalog.ttl")).hasContent("# catalogue");
    SiteGenerator failing =
        publisher(
            build -> {
              throw new IOException("disk full");
            });
    assertThatThrownBy(() -> failing.publish(out)).isInstanceOf(UncheckedIOException.class);
    assertThat(out.resolve("datasets/catalog.ttl")).hasContent("# catalogue");
  }

  private SiteGenerator publisher(ExtraFiles extraFiles) {
    return new SiteGenerator(
            new InProcessGraphQlTransport(executionGraphQl, currentRelease.get()),
            SiteSettings.defaults(),
            message -> {})
        .withExtraFiles(extraFiles);
  }

  private String currentVersion() {
    return graphQl
        .document("{ currentRelease { version } }")
        .execute()
        .path("currentRelease.version")
        .entity(String.class)
        .get();
  }

  @Test
  void theSameReleaseGivesByteIdenticalFiles() {
    Path again = temp.resolve("again");
    publishing.publish(currentRelease.get(), again, message -> {});
    assertThat(SiteFiles.digests(again)).isEqualTo(SiteFiles.digests(site));
  }

  @Test
  void everyPageIsValidHtml() throws Exception {
    List<String> errors = new ArrayList<>();
    for (Path page : SiteFiles.pages(site)) {
      HtmlChecker.errors(page).forEach(error -> errors.add(site.relativize(page) + " " + error));
    }
    assertThat(errors).isEmpty();
  }

  @Test
  void showsExactlyTheNumbersTheApiGives() {
    Map<String, Object> evaluation =
        graphQl
            .document(
                "{ plan(code: \"qt-kzt-2021-2025\") { finalEvaluation { achieved achievedAhead notAchieved projected cannotBeJudged } } }")
            .execute()
            .path("plan.finalEvaluation")
            .entity(Map.class)
            .get();
    Document home = Jsoup.parse(SiteFiles.read(site.resolve("index.html")));
    assertThat(home.select(".final dd").stream().map(SitePublishTest::withoutMarks).toList())
        .containsExactly(
            evaluation.get("achieved").toString(),
            evaluation.get("achievedAhead").toString(),
            evaluation.get("notAchieved").toString(),
            evaluation.get("projected").toString(),
            evaluation.get("cannotBeJudged").toString());

    Map<String, Object> latest =
        graphQl
            .document(
                "{ indicator(code: \"LIFE_EXPECTANCY\") { latest { period value } targets { progress { summary } } } }")
            .execute()
            .path("indicator")
            .entity(Map.class)
            .get();
    Document page =
        Jsoup.parse(SiteFiles.read(site.resolve("indicators/LIFE_EXPECTANCY/index.html")));
    String period = ((Map<?, ?>) latest.get("latest")).get("period").toString();
    double value = ((Number) ((Map<?, ?>) latest.get("latest")).get("value")).doubleValue();
    assertThat(
            page.select("table")
                .first()
                .select("tr:has(th:contains(" + period + ")) td.num")
                .text())
        .isEqualTo(cn.qingtian.site.Format.number(value));
    String summary =
        ((Map<?, ?>) ((Map<?, ?>) ((List<?>) latest.get("targets")).get(0)).get("progress"))
            .get("summary")
            .toString();
    assertThat(page.select(".target .summary").first().text()).isEqualTo(summary);
  }

  @Test
  void theMetaAndShareDescriptionsOfEveryPageShowingDemoDataCarryTheLabel() {
    int demoPages = 0;
    for (var parsed : parsedPages().entrySet()) {
      Path file = parsed.getKey();
      Document page = parsed.getValue();
      if (page.select(".demo-banner").isEmpty()) {
        continue;
      }
      demoPages++;
      assertThat(page.select("meta[name=description]").attr("content"))
          .as(site.relativize(file).toString())
          .contains("DEMO");
      assertThat(page.select("meta[property=og:description]").attr("content"))
          .as(site.relativize(file).toString())
          .contains("DEMO");
    }
    assertThat(demoPages).isGreaterThan(200);
    Document income =
        Jsoup.parse(
            SiteFiles.read(site.resolve("indicators/DISPOSABLE_INCOME_PER_CAPITA/index.html")));
    assertThat(income.select("meta[name=description]").attr("content"))
        .startsWith("演示数据（DEMO）：")
        .contains("元");
    Document charity =
        Jsoup.parse(SiteFiles.read(site.resolve("charities/DEMO_CHARITY_02/index.html")));
    assertThat(charity.select("meta[property=og:description]").attr("content"))
        .startsWith("演示数据（DEMO）：");
    Document real =
        Jsoup.parse(SiteFiles.read(site.resolve("charities/QT_CHARITY_FEDERATION/index.html")));
    assertThat(real.select("meta[name=description]").attr("content")).doesNotContain("DEMO");
  }

  @Test
  void aBuildHoldingDemoDataSharesTheImageMarkedDemoAndSaysSoInItsAltText() throws Exception {
    for (var parsed : parsedPages().entrySet()) {
      Path file = parsed.getKey();
      Document page = parsed.getValue();
      assertThat(page.select("meta[property=og:image]").attr("content"))
          .as(site.relativize(file).toString())
          .endsWith("assets/share-demo.png");
      assertThat(page.select("meta[property=og:image:alt]").attr("content"))
          .as(site.relativize(file).toString())
          .contains("DEMO");
    }
    assertThat(amberShare(site.resolve("assets/share-demo.png")))
        .as("the DEMO band and stamp")
        .isGreaterThan(0.15);
    assertThat(amberShare(site.resolve("assets/share.png"))).isZero();
  }

  /** The share of an image's pixels in the amber of the DEMO mark. */
  private static double amberShare(Path png) throws IOException {
    java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(png.toFile());
    long amber = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int rgb = image.getRGB(x, y);
        int r = rgb >> 16 & 0xff;
        int g = rgb >> 8 & 0xff;
        int b = rgb & 0xff;
        if (r > 230 && g > 170 && g < 215 && b < 60) {
          amber++;
        }
      }
    }
    return amber / (double) (image.getWidth() * image.getHeight());
  }

  @Test
  void everyChartOfDemoDataSaysSoInItsAccessibleDescription() {
    int demoCharts = 0;
    for (var parsed : parsedPages().entrySet()) {
      Path file = parsed.getKey();
      Document page = parsed.getValue();
      for (var chart : page.select("figure.chart svg")) {
        if (chart.select("circle.dot.demo, rect.bar.demo").isEmpty()) {
          continue;
        }
        demoCharts++;
        assertThat(chart.select("desc").text())
            .as(site.relativize(file).toString())
            .contains("DEMO");
      }
    }
    assertThat(demoCharts).isGreaterThan(100);
  }

  @Test
  void everyChartLineAndComparisonTableNamesWhereItsValuesComeFrom() {
    Document zh =
        Jsoup.parse(
            SiteFiles.read(site.resolve("indicators/DISPOSABLE_INCOME_PER_CAPITA/index.html")));
    assertThat(zh.select(".legend li:has(.key.series)").eachText())
        .containsExactly("青田县（演示数据 DEMO）", "丽水市（转载数据）");
    assertThat(zh.select("table caption").eachText())
        .anySatisfy(c -> assertThat(c).endsWith("青田县（演示数据 DEMO）"))
        .anySatisfy(c -> assertThat(c).endsWith("丽水市（转载数据）"));
    Document en =
        Jsoup.parse(
            SiteFiles.read(site.resolve("en/indicators/DISPOSABLE_INCOME_PER_CAPITA/index.html")));
    assertThat(en.select(".legend li:has(.key.series)").eachText())
        .containsExactly("Qingtian County (DEMO data)", "Lishui City (secondary data)");
    assertThat(en.select(".legend").text()).doesNotContain("DEMO — DEMO");
    for (var parsed : parsedPages().entrySet()) {
      Path file = parsed.getKey();
      parsed
          .getValue()
          .select(".legend li:has(.key.series)")
          .eachText()
          .forEach(
              line ->
                  assertThat(line)
                      .as(site.relativize(file).toString())
                      .matches(
                          ".*(（.*(官方数据|转载数据|演示数据 DEMO)）|\\(.*(official|secondary|DEMO) data\\))"));
    }
  }

  @Test
  void demoTableRowsAndDemoRecordsCarryTheLabelInBothLanguages() {
    for (var parsed : parsedPages().entrySet()) {
      Path file = parsed.getKey();
      Document page = parsed.getValue();
      page.select("tr.demo")
          .forEach(
              row -> assertThat(row.text()).as(site.relativize(file).toString()).contains("DEMO"));
      for (var achievement : page.select("li.achievement.demo")) {
        assertThat(achievement.select("h2, h3").text()).contains("DEMO");
        assertThat(achievement.select("> p:not(.meta)").text()).contains("DEMO");
        achievement
            .select("ul.outputs > li")
            .forEach(output -> assertThat(output.text()).contains("DEMO"));
      }
    }
  }

  @Test
  void aTotalBuiltFromDemoPartsIsDemoOnItsHeadingAndNumbers() {
    for (String prefix : List.of("", "en/")) {
      Document home = Jsoup.parse(SiteFiles.read(site.resolve(prefix + "index.html")));
      assertThat(home.select("h2#final .badge-demo").text()).isEqualTo("DEMO");
      assertThat(home.select(".final dd"))
          .hasSize(5)
          .allSatisfy(dd -> assertThat(dd.text()).contains("DEMO"));
      assertThat(home.select("#final ~ ul.counts li"))
          .isNotEmpty()
          .allSatisfy(li -> assertThat(li.text()).contains("DEMO"));
    }
    Document department = Jsoup.parse(SiteFiles.read(site.resolve("departments/HRSS/index.html")));
    assertThat(department.select("h2#scorecard").text()).contains("DEMO");
    assertThat(department.select(".scorecard div:has(time) dd").text()).contains("DEMO");
    assertThat(department.select("h2#achievements").text()).contains("DEMO");
    Document measure = Jsoup.parse(SiteFiles.read(site.resolve("measures/G01/index.html")));
    assertThat(measure.select("h2#achievements").text()).contains("DEMO");
    Document charities = Jsoup.parse(SiteFiles.read(site.resolve("charities/index.html")));
    assertThat(charities.select("caption").text()).contains("DEMO");
    Document income = Jsoup.parse(SiteFiles.read(site.resolve("income/2024/index.html")));
    assertThat(income.select("ul.bars svg").eachAttr("aria-label"))
        .isNotEmpty()
        .allSatisfy(label -> assertThat(label).contains("DEMO"));
    assertThat(income.select("caption").eachText())
        .hasSize(3)
        .allSatisfy(caption -> assertThat(caption).contains("DEMO"));
  }

  @Test
  void labelsDemoDataOnEveryPageThatShowsIt() {
    Document indicator =
        Jsoup.parse(SiteFiles.read(site.resolve("indicators/LIFE_EXPECTANCY/index.html")));
    assertThat(indicator.select(".demo-banner").text()).contains("DEMO");
    assertThat(indicator.select("tr.demo")).isNotEmpty();
    assertThat(indicator.select("circle.dot.demo")).isNotEmpty();
    Document english = Jsoup.parse(SiteFiles.read(site.resolve("en/index.html")));
    assertThat(english.select(".demo-banner").text()).contains("DEMO data");
  }

  @Test
  void loadsNothingFromElsewhereAndWorksUnderAnyPathPrefix() {
    for (Path file : SiteFiles.pages(site)) {
      if (file.getFileName().toString().equals("404.html")) {
        continue; // served at any depth: it links from the configured address or the host root
      }
      Document page = Jsoup.parse(SiteFiles.read(file));
      page.select("img[src]").eachAttr("src").forEach(src -> assertThat(src).doesNotContain("//"));
      page.select("script[src]")
          .eachAttr("src")
          .forEach(src -> assertThat(src).doesNotStartWith("/").doesNotContain("//"));
      page.select("link[rel=stylesheet]")
          .eachAttr("href")
          .forEach(href -> assertThat(href).doesNotStartWith("/").doesNotContain("//"));
    }
  }

  @Test
  void showsTheCharityRegistryWithWhatIsNotPublicSaidSo() {
    Document federation =
        Jsoup.parse(SiteFiles.read(site.resolve("charities/QT_CHARITY_FEDERATION/index.html")));
    assertThat(federation.select("h1").text()).isEqualTo("青田县慈善总会");
    assertThat(federation.select(".meta dd").eachText()).contains("未公开");
    assertThat(federation.select(".demo-banner")).isEmpty();
    assertThat(federation.select("a[href=https://nb.ifeng.com/c/8mIV0LjPIfH]")).isNotEmpty();
    Document deregistered =
        Jsoup.parse(SiteFiles.read(site.resolve("en/charities/DEMO_CHARITY_07/index.html")));
    assertThat(deregistered.select(".meta dd").first().text())
        .isEqualTo("Deregistered (2024-12-31)");
    assertThat(deregistered.select(".demo-banner")).isNotEmpty();
    Document demo =
        Jsoup.parse(SiteFiles.read(site.resolve("charities/DEMO_CHARITY_01/index.html")));
    assertThat(demo.select("#donations ~ table td[colspan=2]").eachText()).contains("不公布（披露控制）");
    assertThat(demo.text()).doesNotContain("4,460", "4460");
    Document directory = Jsoup.parse(SiteFiles.read(site.resolve("charities/index.html")));
    assertThat(directory.select("tbody tr")).hasSize(10);
  }

  @Test
  void showsAchievementsOnTheTimelineAndOnMeasureGroupAndDepartmentPages() {
    int total =
        graphQl
            .document("{ achievements { totalCount } }")
            .execute()
            .path("achievements.totalCount")
            .entity(Integer.class)
            .get();
    Document timeline = Jsoup.parse(SiteFiles.read(site.resolve("achievements/index.html")));
    assertThat(timeline.select("li.achievement")).hasSize(total);
    assertThat(timeline.select(".timeline-year > h2").eachText())
        .isSortedAccordingTo(java.util.Comparator.reverseOrder());
    assertThat(timeline.select(".demo-banner")).isNotEmpty();
    var city = timeline.select("li#QT_IMPORT_CITY_CUMULATIVE_2023").first();
    assertThat(city.select(".badge-demo")).isEmpty();
    assertThat(city.text()).contains("超过17,000,000,000 元").contains("仅作背景，不计入进度");
    assertThat(city.select("a[href^=https://global.chinadaily.com.cn/]")).isNotEmpty();
    assertThat(timeline.select("li.achievement.demo .badge-demo")).isNotEmpty();

    Document measure = Jsoup.parse(SiteFiles.read(site.resolve("measures/G01/index.html")));
    assertThat(measure.select("#achievements ~ ol li.achievement")).hasSize(4);
    Document group = Jsoup.parse(SiteFiles.read(site.resolve("en/groups/TG1/index.html")));
    assertThat(group.select("li#QT_COFFEE_SECTOR_2023 h3").text())
        .isEqualTo("Qingtian's coffee sector: over 400 cafés, over 200 million yuan a year");
    Map<?, ?> card =
        graphQl
            .document(
                "{ department(code: \"HRSS\") { scorecard { achievementCount lastUpdate } } }")
            .execute()
            .path("department.scorecard")
            .entity(Map.class)
            .get();
    Document department = Jsoup.parse(SiteFiles.read(site.resolve("departments/HRSS/index.html")));
    assertThat(department.select(".scorecard dd").stream().map(SitePublishTest::withoutMarks))
        .contains(card.get("achievementCount").toString(), card.get("lastUpdate").toString());
    assertThat(department.select("#achievements ~ ol li.achievement"))
        .hasSize((Integer) card.get("achievementCount"));
  }

  /** The text of an element without its DEMO marks. */
  private static String withoutMarks(org.jsoup.nodes.Element element) {
    org.jsoup.nodes.Element copy = element.clone();
    copy.select(".badge-demo").remove();
    return copy.text();
  }

  @Test
  void showsTheProtectedIncomeTablesWithWithheldCellsExplained() {
    List<?> cells =
        graphQl
            .document("{ incomeDistribution(year: 2024) { cells { count } } }")
            .execute()
            .path("incomeDistribution.cells")
            .entityList(Map.class)
            .get();
    long withheld = cells.stream().filter(c -> ((Map<?, ?>) c).get("count") == null).count();
    Document year = Jsoup.parse(SiteFiles.read(site.resolve("income/2024/index.html")));
    assertThat(year.select(".demo-banner")).isNotEmpty();
    assertThat(year.select("#townships ~ div table tbody tr")).hasSize(33);
    assertThat(year.select("#townships ~ div table td.withheld")).hasSize((int) withheld);
    // One reason for every withheld cell: a specific one narrows it
    // (docs/disclosure-control.md, attack finding 4).
    assertThat(year.select("#townships ~ div table td.withheld").eachText()).containsOnly("不公布");
    assertThat(year.select("ul.bars li")).hasSize(5);
    assertThat(year.select("#statistics ~ div table tbody tr")).hasSize(33);
    assertThat(year.select("#withheld ~ dl dt").text()).isEqualTo("不公布");
    assertThat(year.select("#withheld ~ dl dd").text()).contains("少于10", "具体原因本身会缩小");
    Document english = Jsoup.parse(SiteFiles.read(site.resolve("en/income/index.html")));
    assertThat(english.select("#report ~ table tbody tr")).hasSize(25);
    assertThat(english.select("a[href=../../en/income/2024/]")).isNotEmpty();
  }

  @Test
  void aCharityPageChartsItsFinancesAndListsItsGrants() {
    Document funder =
        Jsoup.parse(SiteFiles.read(site.resolve("charities/DEMO_CHARITY_01/index.html")));
    int years = funder.select("#finances ~ table tbody tr").size();
    assertThat(funder.select("figure.chart svg rect.bar")).hasSize(years * 3);
    assertThat(funder.select("figure.chart svg rect.bar.demo")).hasSize(years * 3);
    assertThat(funder.select("#grants ~ table").first().select("tbody tr")).hasSize(6);
    assertThat(funder.select("#grants ~ p a").attr("href"))
        .isEqualTo("../../datasets/charity-grants/latest/charity-grants.360giving.json");
    Document recipient =
        Jsoup.parse(SiteFiles.read(site.resolve("en/charities/DEMO_CHARITY_03/index.html")));
    assertThat(recipient.select("#grants ~ table caption").text()).contains("Grants received");
  }

  @Test
  void theFeedsAreAtomThatAFeedLibraryReadsWithEveryRequiredElement() throws Exception {
    for (String language : List.of("", "en/")) {
      for (String name : List.of("achievements", "releases")) {
        Path file = site.resolve(language + "feeds/" + name + ".xml");
        com.rometools.rome.feed.atom.Feed feed =
            (com.rometools.rome.feed.atom.Feed)
                new com.rometools.rome.io.WireFeedInput()
                    .build(new org.xml.sax.InputSource(Files.newInputStream(file)));
        assertThat(feed.getFeedType()).as(file.toString()).isEqualTo("atom_1.0");
        assertThat(feed.getId()).startsWith("urn:qtportal:");
        assertThat(feed.getTitle()).isNotBlank();
        assertThat(feed.getUpdated()).isNotNull();
        assertThat(feed.getAuthors()).isNotEmpty();
        assertThat(feed.getOtherLinks().stream().map(l -> l.getRel())).contains("self");
        assertThat(feed.getEntries()).isNotEmpty();
        for (var entry : feed.getEntries()) {
          assertThat(entry.getId()).startsWith("urn:qtportal:");
          assertThat(entry.getTitle()).isNotBlank();
          assertThat(entry.getUpdated()).isNotNull();
          assertThat(entry.getAlternateLinks()).isNotEmpty();
          assertThat(entry.getSummary().getValue()).isNotBlank();
        }
        if (name.equals("achievements")) {
          assertThat(feed.getEntries()).hasSize(41);
          assertThat(feed.getEntries())
              .filteredOn(e -> e.getId().endsWith("DEMO_ACH_SKILL_MASTER_STUDIOS_NEW_2021"))
              .singleElement()
              .satisfies(
                  e -> {
                    assertThat(e.getCategories().get(0).getTerm()).isEqualTo("DEMO");
                    assertThat(e.getSummary().getValue()).contains("DEMO");
                  });
          // Feed readers often show titles alone.
          assertThat(feed.getEntries())
              .filteredOn(e -> e.getCategories().get(0).getTerm().equals("DEMO"))
              .isNotEmpty()
              .allSatisfy(e -> assertThat(e.getTitle()).contains("DEMO"));
        } else {
          assertThat(feed.getEntries().get(0).getSummary().getValue()).startsWith("DEMO");
        }
      }
    }
    Document home = Jsoup.parse(SiteFiles.read(site.resolve("en/index.html")));
    assertThat(home.select("link[rel=alternate][type=application/atom+xml]").eachAttr("href"))
        .containsExactly("../en/feeds/achievements.xml", "../en/feeds/releases.xml");
  }

  @Test
  void everyDemoResultOfTheStaticSearchIndexCarriesTheLabelInItsText() throws Exception {
    for (String prefix : List.of("", "en/")) {
      var index =
          new com.fasterxml.jackson.databind.ObjectMapper()
              .readTree(site.resolve(prefix + "search/index.json").toFile());
      int demo = 0;
      for (var doc : index.get("docs")) {
        if (doc.get(4).asInt() == 1) {
          demo++;
          assertThat(doc.get(3).asText()).as(prefix + doc.get(1).asText()).contains("DEMO");
        }
      }
      assertThat(demo).isGreaterThan(50);
    }
  }

  @Test
  void theHomePageWeighsLessThan100Kilobytes() throws Exception {
    long bytes =
        Files.size(site.resolve("index.html"))
            + Files.size(site.resolve("assets/site.css"))
            + Files.size(site.resolve("assets/site.js"));
    assertThat(bytes).isLessThan(100 * 1024);
    assertThat(SiteFiles.read(site.resolve("index.html")).getBytes(StandardCharsets.UTF_8))
        .hasSizeLessThan(100 * 1024);
  }

  @Test
  void linksBothLanguagesWithHreflangAndSetsTheLanguageOfEveryPage() {
    Document zh = Jsoup.parse(SiteFiles.read(site.resolve("measures/P13/index.html")));
    assertThat(zh.select("html").attr("lang")).isEqualTo("zh-CN");
    assertThat(zh.select("link[hreflang=en]").attr("href")).isEqualTo("../../en/measures/P13/");
    assertThat(zh.select("a[hreflang=en]").attr("href")).isEqualTo("../../en/measures/P13/");
    Document en = Jsoup.parse(SiteFiles.read(site.resolve("en/measures/P13/index.html")));
    assertThat(en.select("html").attr("lang")).isEqualTo("en");
    assertThat(en.select("p[lang=zh-CN]").text())
        .as("the Chinese full text keeps its language")
        .isNotBlank();
    assertThat(en.select("meta[property=og:title]").attr("content")).isNotBlank();
  }

  @Test
  void noPageCallsAUnitLeadOutsideTheDocumentsOwnWords() {
    int pages = 0;
    for (Path file : SiteFiles.pages(site)) {
      assertThat(leadWords(Jsoup.parse(SiteFiles.read(file)))).as(file.toString()).isEmpty();
      pages++;
    }
    assertThat(pages).isGreaterThan(300);
  }

  @Test
  void theLeadCheckFindsAUnitLabelledLeadButNotTheDocumentsOwnText() {
    Document planted =
        Jsoup.parse(
            "<main><ol><li><a>民政局</a> (牵头)</li><li><a>税务局</a></li></ol>"
                + "<p class=\"summary\">lead units for each group</p>"
                + "<section aria-labelledby=\"fulltext\"><p>每类群体的牵头单位</p></section>"
                + "<dl><dt>Measures led</dt></dl></main>");
    assertThat(leadWords(planted)).containsExactly("牵头", "led");
  }

  @Test
  void unitListsAreTheDocumentsAndThePortalsAssignmentsSayTheyAreOurs() {
    Document p13 = Jsoup.parse(SiteFiles.read(site.resolve("measures/P13/index.html")));
    assertThat(p13.select("section[aria-labelledby=units] ol li").eachText())
        .containsExactly("民政局", "税务局");
    assertThat(p13.select("section[aria-labelledby=units] p.note").text()).isEqualTo("按方案原文所列顺序。");

    Document stats = Jsoup.parse(SiteFiles.read(site.resolve("departments/STATS/index.html")));
    assertThat(stats.select("main p.note").first().text()).contains("方案原文没有列出本单位");
    assertThat(stats.select("#stats").text()).contains("门户指定");
    Document civil = Jsoup.parse(SiteFiles.read(site.resolve("en/departments/CIVIL/index.html")));
    assertThat(civil.select(".scorecard dt").first().text())
        .isEqualTo("Measures listing it as responsible");
    assertThat(civil.select(".scorecard dd").first().text()).isEqualTo("8");
    assertThat(civil.select("main > p.note").eachText())
        .noneMatch(text -> text.contains("does not list this unit"));

    Document income =
        Jsoup.parse(
            SiteFiles.read(site.resolve("indicators/DISPOSABLE_INCOME_PER_CAPITA/index.html")));
    assertThat(income.select("dl.meta dd:has(a[href$='departments/STATS/'])").text())
        .isEqualTo("统计局（门户指定）");
    Document list = Jsoup.parse(SiteFiles.read(site.resolve("en/departments/index.html")));
    assertThat(
            list.select("main li").eachText().stream()
                .filter(text -> text.contains("(statistical unit assigned by the portal)")))
        .singleElement()
        .asString()
        .startsWith("County Statistics Bureau");
  }

  /**
   * The words of a page that call a unit lead, outside the document's own words: a measure's full
   * text (S1 speaks of 每类群体的牵头单位, P22 of 牵头医院) and its English summary quote the document.
   */
  private static List<String> leadWords(Document page) {
    Document ours = page.clone();
    ours.select("section[aria-labelledby=fulltext], p.summary").remove();
    Matcher words = LEAD.matcher(ours.body().text());
    List<String> found = new ArrayList<>();
    while (words.find()) {
      found.add(words.group());
    }
    return found;
  }
}
