package cn.qingtian.site;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The typed models of the site's pages, one per jte template. */
public final class Pages {

  private Pages() {}

  /** A headline target on the home page; {@code latestDemo} marks a DEMO latest value. */
  public record Card(
      String code,
      String name,
      String nameLang,
      String area,
      String status,
      String provenance,
      @Nullable String latest,
      boolean latestDemo,
      @Nullable String target,
      String summary,
      String sparkline) {}

  public record Home(PageContext page, Api.Overview overview, List<Card> cards) {}

  public record IndicatorList(PageContext page, List<Api.Indicator> indicators) {}

  /**
   * @param place the name of the plan's geography, whose series the indicator's own observations
   *     are
   */
  public record Indicator(
      PageContext page,
      Api.Indicator indicator,
      String place,
      @Nullable Chart chart,
      DataLinks data) {

    /** The indicator's own series, named with the provenance of its values. */
    public String ownSeries() {
      return page.t().series(place, Api.provenances(indicator.observations().nodes()));
    }

    /** A comparison series, named with the provenance of its values. */
    public String comparisonSeries(Api.Series series) {
      return page.t().series(series.geography().name(), series.provenances());
    }
  }

  public record Plan(PageContext page, Api.Overview overview, Map<String, Api.Measure> measures) {

    public Api.Measure measure(String code) {
      return measures.get(code);
    }

    public List<Api.Measure> safeguards() {
      return measures.values().stream().filter(m -> m.kind().equals("SAFEGUARD")).toList();
    }
  }

  public record Measure(
      PageContext page, Api.Measure measure, List<Api.Achievement> achievements, DataLinks data) {

    /** Whether the count of its achievements counts DEMO ones. */
    public boolean demoAchievements() {
      return anyDemo(achievements);
    }
  }

  public record Group(
      PageContext page,
      Api.Group group,
      List<Api.Measure> measures,
      List<Api.Achievement> achievements) {

    /** Whether the count of its achievements counts DEMO ones. */
    public boolean demoAchievements() {
      return anyDemo(achievements);
    }
  }

  public record DepartmentList(PageContext page, List<Api.Department> departments) {}

  /** A unit's page: its measures are given whole, so each shows its 责任单位 as printed. */
  public record Department(
      PageContext page,
      Api.Department department,
      List<Api.Measure> measures,
      List<Api.Achievement> achievements) {

    /** Whether the count of its achievements counts DEMO ones. */
    public boolean demoAchievements() {
      return anyDemo(achievements);
    }

    /** Whether the date of its last update is that of a DEMO achievement. */
    public boolean demoLastUpdate() {
      String last = department.scorecard().lastUpdate();
      List<Api.Achievement> latest =
          achievements.stream().filter(a -> a.date().equals(last)).toList();
      return latest.isEmpty() ? demoAchievements() : anyDemo(latest);
    }
  }

  /** Whether any of the achievements is DEMO: a count or date taken from them is then DEMO too. */
  static boolean anyDemo(List<Api.Achievement> achievements) {
    return achievements.stream().anyMatch(a -> a.provenance().equals("DEMO"));
  }

  /** The achievements timeline, newest year first. */
  public record AchievementList(PageContext page, Map<Integer, List<Api.Achievement>> byYear) {}

  /** About, search and not-found pages: their words are in the templates. */
  public record Info(PageContext page, Api.Overview overview) {}

  /** The API page: how to query, and the newsroom questions with their queries. */
  public record ApiGuide(PageContext page, List<Newsroom.Question> questions) {

    /** The portal's address for the examples: the site's own, else the portal's default. */
    public String endpoint() {
      String address = page.settings().absolute("graphql");
      return address.contains("://") ? address : "http://localhost:8080/graphql";
    }

    /** The question the calling examples send. */
    public Newsroom.Question example() {
      return Newsroom.example();
    }

    /** Its number in the list, from 1. */
    public int exampleNumber() {
      return questions.indexOf(example()) + 1;
    }
  }

  public record CharityList(PageContext page, List<Api.Charity> charities, List<String> fields) {

    /** Whether the count of organizations counts DEMO ones. */
    public boolean demo() {
      return charities.stream().anyMatch(c -> c.provenance().equals("DEMO"));
    }
  }

  public record Charity(
      PageContext page, Api.Charity charity, @Nullable FinanceChart chart, DataLinks data) {}

  /**
   * The datasets a detail page offers for download, in the current release's version (so the links
   * can be cited): their CSV, XLSX and JSON, and 360Giving where there is one.
   */
  public record DataLinks(String version, List<Api.Dataset> datasets) {

    static final List<String> FORMATS = List.of("CSV", "XLSX", "JSON", "GIVING_360");

    public List<Api.Distribution> files(Api.Dataset dataset) {
      return dataset.in(FORMATS);
    }
  }

  /**
   * The downloads page: the datasets of the current release with every file, the whole-release
   * files, and the files of every earlier release.
   *
   * @param releases every release up to the current one, newest first
   * @param earlierFiles the whole-release files of earlier releases by version; a release missing
   *     from it has no downloads (published before downloads existed)
   */
  public record Downloads(
      PageContext page,
      Api.Downloads downloads,
      List<Api.ReleaseEntry> releases,
      Map<String, List<Api.Distribution>> earlierFiles) {

    /** The files listed for an earlier release. */
    static final List<String> EARLIER_FORMATS = List.of("ZIP", "DATA_PACKAGE", "CHANGE_LOG");

    /** The folder of whole-release files: {@code datasets/all/{version}/}. */
    public static final String ALL = "all";

    public String version() {
      return downloads.currentRelease().version();
    }

    public List<Api.Dataset> datasets() {
      return downloads.datasets();
    }

    public List<Api.Distribution> releaseFiles() {
      return downloads.currentRelease().files();
    }

    /** The current release's entry (date, note, changes), if the list of releases has it. */
    public Api.@Nullable ReleaseEntry current() {
      return releases.stream().filter(r -> r.version().equals(version())).findFirst().orElse(null);
    }

    /** Every earlier release, newest first. */
    public List<Api.ReleaseEntry> earlier() {
      return releases.stream().filter(r -> !r.version().equals(version())).toList();
    }

    /** An earlier release's ZIP, data package and change log; null when it has no downloads. */
    public @Nullable List<Api.Distribution> filesOf(Api.ReleaseEntry release) {
      List<Api.Distribution> files = earlierFiles.get(release.version());
      if (files == null) {
        return null;
      }
      return EARLIER_FORMATS.stream()
          .flatMap(f -> files.stream().filter(d -> d.format().equals(f)))
          .toList();
    }

    /** The licences of the datasets, each once. */
    public List<String> licences() {
      return datasets().stream().map(Api.Dataset::license).distinct().sorted().toList();
    }

    /** The years a dataset covers, e.g. {@code 2020–2025}; null for a table without years. */
    public static @Nullable String coverage(Api.Dataset dataset) {
      Api.Coverage years = dataset.temporalCoverage();
      if (years == null) {
        return null;
      }
      if (years.end() == null) {
        return years.start() + "–";
      }
      return years.end() == years.start() ? "" + years.start() : years.start() + "–" + years.end();
    }

    /** The rows a release added, changed and removed in all the given tables. */
    public static Api.Change total(List<Api.Change> changes) {
      return new Api.Change(
          "",
          changes.stream().mapToInt(Api.Change::added).sum(),
          changes.stream().mapToInt(Api.Change::changed).sum(),
          changes.stream().mapToInt(Api.Change::removed).sum());
    }

    /** The tables a release changed, without those it left as they were. */
    public static List<Api.Change> changed(List<Api.Change> changes) {
      return changes.stream()
          .filter(c -> c.added() != 0 || c.changed() != 0 || c.removed() != 0)
          .toList();
    }
  }

  /** The usual name of a licence, e.g. {@code CC BY 4.0}, or its address. */
  public static String licenceName(String url) {
    var matcher =
        java.util.regex.Pattern.compile(
                "https?://creativecommons\\.org/(licenses|publicdomain)/([a-z-]+)/([0-9.]+)/?.*")
            .matcher(url);
    if (!matcher.matches()) {
      return url;
    }
    if (matcher.group(1).equals("publicdomain")) {
      return matcher.group(2).equals("zero") ? "CC0 " + matcher.group(3) : url;
    }
    return "CC " + matcher.group(2).toUpperCase(java.util.Locale.ROOT) + " " + matcher.group(3);
  }

  /** The income overview: the years with protected tables and the disclosure report. */
  public record Income(PageContext page, Api.DisclosureReport report, List<Integer> years) {}

  /** One year's protected income tables. */
  public record IncomeYear(PageContext page, Api.IncomeYear data) {

    public List<String> columns() {
      List<String> columns = new java.util.ArrayList<>();
      data.township().brackets().forEach(b -> columns.add(b.code()));
      columns.add("_T");
      return columns;
    }

    /** The rows of a table in the API's order (the total last), each with its cells by column. */
    public List<Row> rows(List<Api.IncomeCell> cells) {
      Map<String, Row> rows = new java.util.LinkedHashMap<>();
      for (Api.IncomeCell cell : cells) {
        rows.computeIfAbsent(cell.row(), r -> new Row(r, cell.rowName(), new java.util.HashMap<>()))
            .cells()
            .put(cell.column(), cell);
      }
      return List.copyOf(rows.values());
    }

    /** The county's households by bracket, as shares of the county total (rounded counts). */
    public List<Bar> county() {
      Row total =
          rows(data.township().cells()).stream()
              .filter(r -> r.code().equals("_T"))
              .findFirst()
              .orElse(null);
      List<Bar> bars = new java.util.ArrayList<>();
      if (total == null || total.count("_T") == null || total.count("_T") == 0) {
        return bars;
      }
      double all = total.count("_T");
      for (Api.BracketRange bracket : data.township().brackets()) {
        Integer count = total.count(bracket.code());
        bars.add(new Bar(bracket.code(), count, count == null ? null : 100.0 * count / all));
      }
      return bars;
    }

    /** A plan bracket's share: the sum of its fine brackets' shares, if all are published. */
    public @Nullable Double planShare(String... codes) {
      double sum = 0;
      for (String code : codes) {
        Bar bar = county().stream().filter(b -> b.code().equals(code)).findFirst().orElse(null);
        if (bar == null || bar.percent() == null) {
          return null;
        }
        sum += bar.percent();
      }
      return sum;
    }

    public boolean demo() {
      return "DEMO".equals(data.township().provenance());
    }

    /** Mean and median per row, in the API's order (the county last). */
    public List<Stats> statistics() {
      Map<String, Stats> rows = new java.util.LinkedHashMap<>();
      for (Api.Statistic s : data.statistics()) {
        Stats row =
            rows.computeIfAbsent(
                s.row(), r -> new Stats(r, s.rowName(), new java.util.HashMap<>()));
        row.byKind().put(s.statistic(), s);
      }
      return List.copyOf(rows.values());
    }
  }

  /** A row of an income table. */
  public record Row(String code, String name, Map<String, Api.IncomeCell> cells) {

    public @Nullable Integer count(String column) {
      Api.IncomeCell cell = cells.get(column);
      return cell == null ? null : cell.count();
    }
  }

  /** A row's mean and median. */
  public record Stats(String code, String name, Map<String, Api.Statistic> byKind) {}

  /** A bracket's bar in the county chart. */
  public record Bar(String code, @Nullable Integer count, @Nullable Double percent) {

    public String width() {
      return percent == null ? "0" : Format.coordinate(percent * 4);
    }
  }
}
