package cn.qingtian.site;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Everything the site shows in one language, fetched by running the site's GraphQL documents
 * through a transport (paging through long lists) and read into {@link Api} records.
 */
public record SiteData(
    String lang,
    Api.Overview overview,
    List<Api.Indicator> indicators,
    List<Api.Measure> measures,
    List<Api.Department> departments,
    List<Api.Charity> charities,
    List<Api.Achievement> achievements,
    List<Api.ReleaseEntry> releases,
    Api.DisclosureReport disclosure,
    List<Api.IncomeYear> income,
    Api.Downloads downloads,
    Map<String, List<Api.Distribution>> earlierReleaseFiles) {

  private static final JsonMapper JSON =
      JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  public static SiteData fetch(GraphQlTransport transport, String planCode, String lang) {
    String graphQlLang = lang.equals("en") ? "EN" : "ZH";
    Map<String, Object> variables = Map.of("plan", planCode, "lang", graphQlLang);
    Api.Overview overview =
        read(transport.execute(document("overview"), variables), Api.Overview.class);
    Api.DisclosureReport disclosure =
        read(transport.execute(document("income"), Map.of()), Api.IncomeReport.class)
            .disclosureReport();
    List<Api.ReleaseEntry> releases =
        pages(transport, "releases", graphQlLang, Api.ReleaseEntry.class);
    Api.Downloads downloads =
        read(
            transport.execute(document("downloads"), Map.of("lang", graphQlLang)),
            Api.Downloads.class);
    return new SiteData(
        lang,
        overview,
        pages(transport, "indicators", graphQlLang, Api.Indicator.class),
        pages(transport, "measures", graphQlLang, Api.Measure.class),
        pages(transport, "departments", graphQlLang, Api.Department.class),
        pages(transport, "charities", graphQlLang, Api.Charity.class),
        pages(transport, "achievements", graphQlLang, Api.Achievement.class),
        releases,
        disclosure,
        incomeYears(transport, graphQlLang, disclosure),
        downloads,
        earlierReleaseFiles(transport, releases, downloads.currentRelease().version()));
  }

  /** The release the site shows: its version is in every download link. */
  public String version() {
    return downloads.currentRelease().version();
  }

  /** Datasets of the release by name, in the given order; names the release lacks are left out. */
  public List<Api.Dataset> datasets(String... names) {
    List<Api.Dataset> found = new ArrayList<>();
    for (String name : names) {
      downloads.datasets().stream().filter(d -> d.name().equals(name)).forEach(found::add);
    }
    return List.copyOf(found);
  }

  /**
   * The whole-release files of every release before the current one, by version. A release
   * published before downloads existed has none (an empty list): it is left out of the map, and the
   * downloads page says so.
   */
  private static Map<String, List<Api.Distribution>> earlierReleaseFiles(
      GraphQlTransport transport, List<Api.ReleaseEntry> releases, String current) {
    Map<String, List<Api.Distribution>> files = new java.util.LinkedHashMap<>();
    for (Api.ReleaseEntry release : releases) {
      if (release.version().equals(current)) {
        continue;
      }
      Api.ReleaseFiles answer =
          read(
                  transport.execute(document("releaseFiles"), Map.of("version", release.version())),
                  Api.ReleaseFilesAnswer.class)
              .release();
      if (answer != null && !answer.files().isEmpty()) {
        files.put(release.version(), answer.files());
      }
    }
    return java.util.Collections.unmodifiableMap(files);
  }

  /** Whether the plan's progress or any indicator's values are DEMO data. */
  public boolean hasDemo() {
    return overview.plan().progress().provenance().equals("DEMO")
        || indicators.stream().anyMatch(Api.Indicator::hasDemo);
  }

  /** Whether anything of this language is DEMO data: a value, a record or a roll-up. */
  public boolean holdsDemo() {
    return hasDemo()
        || achievements.stream().anyMatch(a -> a.provenance().equals("DEMO"))
        || charities.stream().anyMatch(c -> c.provenance().equals("DEMO"))
        || income.stream().anyMatch(y -> "DEMO".equals(y.township().provenance()))
        || downloads.datasets().stream().anyMatch(Api.Dataset::containsDemoData);
  }

  public Map<String, Api.Measure> measuresByCode() {
    Map<String, Api.Measure> byCode = new java.util.LinkedHashMap<>();
    measures.forEach(m -> byCode.put(m.code(), m));
    return byCode;
  }

  private static <T> List<T> pages(
      GraphQlTransport transport, String name, String lang, Class<T> type) {
    JavaType pageType = JSON.getTypeFactory().constructParametricType(Api.Page.class, type);
    List<T> all = new ArrayList<>();
    String after = null;
    do {
      Map<String, Object> variables = new HashMap<>();
      variables.put("lang", lang);
      if (after != null) {
        variables.put("after", after);
      }
      JsonNode data = JSON.readTree(transport.execute(document(name), variables));
      Api.Page<T> page = JSON.readValue(JSON.treeAsTokens(data.get(name)), pageType);
      all.addAll(page.nodes());
      after = page.pageInfo().hasNextPage() ? page.pageInfo().endCursor() : null;
    } while (after != null);
    return List.copyOf(all);
  }

  /** The protected tables of every year the disclosure report covers, oldest first. */
  private static List<Api.IncomeYear> incomeYears(
      GraphQlTransport transport, String lang, Api.DisclosureReport report) {
    return report.tables().stream()
        .map(Api.ReportLine::year)
        .distinct()
        .sorted()
        .map(
            year ->
                read(
                    transport.execute(document("incomeYear"), Map.of("lang", lang, "year", year)),
                    Api.IncomeYear.class))
        .toList();
  }

  private static <T> T read(String json, Class<T> type) {
    return JSON.readValue(json, type);
  }

  static String document(String name) {
    try (InputStream in = SiteData.class.getResourceAsStream("/graphql/" + name + ".graphql")) {
      if (in == null) {
        throw new IllegalStateException("missing document graphql/" + name + ".graphql");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
