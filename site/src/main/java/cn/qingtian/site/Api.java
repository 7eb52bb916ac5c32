package cn.qingtian.site;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The shapes of the GraphQL answers the site reads, one record per object type of the documents in
 * {@code src/main/resources/graphql/}. Field names are the schema's.
 */
public final class Api {

  private Api() {}

  /**
   * The release a build shows.
   *
   * @param committedAt when it was committed to the portal's database (D19); null from a portal
   *     that does not say
   */
  public record Release(
      int number,
      String version,
      String publishedAt,
      String contentHash,
      @Nullable String committedAt) {

    /** The date the feeds give for this release's content: its commit time (D19). */
    public String updated() {
      return committedAt != null ? committedAt : publishedAt;
    }
  }

  public record Lang(String lang) {}

  public record Nodes<T>(List<T> nodes) {}

  public record PageInfo(boolean hasNextPage, @Nullable String endCursor) {}

  public record Page<T>(PageInfo pageInfo, List<T> nodes) {}

  public record Code(String code) {}

  public record StatusCount(String status, int count) {}

  public record Counts(int total, List<StatusCount> byStatus, String provenance) {

    public int count(String status) {
      return byStatus.stream()
          .filter(c -> c.status().equals(status))
          .mapToInt(StatusCount::count)
          .sum();
    }
  }

  public record FinalEvaluation(
      int total,
      int achieved,
      int achievedAhead,
      int notAchieved,
      int projected,
      int cannotBeJudged,
      String provenance) {}

  public record LinkedPlan(String code, String title, @Nullable String documentNumber) {}

  public record Principle(int number, String title, String text) {}

  public record Area(String code, String title, String text, Counts progress) {}

  public record Section(
      String code, int number, String title, @Nullable String intro, Nodes<Code> measures) {}

  public record Group(String code, int number, String title, String group, Nodes<Code> measures) {}

  public record Plan(
      String code,
      String title,
      Lang titleText,
      @Nullable String documentNumber,
      @Nullable String issueDate,
      List<String> issuers,
      int periodStart,
      int periodEnd,
      String geography,
      Nodes<LinkedPlan> parentPlans,
      List<Principle> principles,
      List<Area> areas,
      List<Section> sections,
      Nodes<Group> targetGroups,
      Counts progress,
      FinalEvaluation finalEvaluation) {}

  public record Overview(Release currentRelease, Nodes<Named> geographies, Plan plan) {

    /** The name of the plan's own geography (its indicators' series), or its code if unnamed. */
    public String planGeography() {
      return geographies.nodes().stream()
          .filter(g -> g.code().equals(plan.geography()))
          .map(Named::name)
          .findFirst()
          .orElse(plan.geography());
    }
  }

  public record Named(String code, String name) {}

  public record Titled(String code, String title) {}

  public record MeasureRef(String code, String title, @Nullable Titled targetGroup) {}

  public record Headline(String status, String provenance) {}

  public record PathPoint(int year, double value) {}

  public record Progress(
      String status,
      String reason,
      String summary,
      @Nullable Double requiredRate,
      @Nullable Double projectedValue,
      String provenance,
      List<PathPoint> targetPath) {}

  public record Quote(String text) {}

  public record Target(
      String code,
      String kind,
      @Nullable Double value,
      int targetYear,
      String text,
      List<Quote> quotes,
      Progress progress) {}

  public record Source(
      String code,
      String title,
      @Nullable String publisher,
      @Nullable String url,
      @Nullable String published) {}

  public record Observation(
      String period,
      int year,
      boolean annual,
      double value,
      String provenance,
      @Nullable String footnote,
      Source source) {}

  public record Geography(String name) {}

  public record Series(Geography geography, List<Observation> observations) {

    /** The provenances of its observations. */
    public java.util.Set<String> provenances() {
      return Api.provenances(observations);
    }
  }

  /** The distinct provenances of some observations. */
  static java.util.Set<String> provenances(List<Observation> observations) {
    return observations.stream()
        .map(Observation::provenance)
        .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
  }

  public record Indicator(
      String code,
      String name,
      Lang nameText,
      String definition,
      @Nullable String scope,
      String unit,
      String frequency,
      @Nullable Named statisticalUnit,
      @Nullable String statisticalUnitAttribution,
      @Nullable Titled area,
      @Nullable MeasureRef measure,
      @Nullable Headline progress,
      List<Target> targets,
      Nodes<Observation> observations,
      List<Series> comparison) {

    public boolean hasDemo() {
      return observations.nodes().stream().anyMatch(o -> o.provenance().equals("DEMO"));
    }
  }

  public record IndicatorRef(String code, String name, @Nullable Headline progress) {}

  /** A unit in a measure's 责任单位, at its place in the document's list. */
  public record UnitEdge(int position, Named node) {}

  public record Edges<T>(List<T> edges) {}

  public record Measure(
      String code,
      String kind,
      int number,
      String title,
      Lang titleText,
      String summary,
      String text,
      @Nullable Titled section,
      @Nullable Titled targetGroup,
      Edges<UnitEdge> departments,
      Nodes<IndicatorRef> indicators,
      Counts progress) {}

  /** A measure whose 责任单位 name the unit, with the unit's place in that list. */
  public record MeasureEdge(int position, Titled node) {}

  public record Department(
      String code,
      String name,
      Lang nameText,
      @Nullable String fullName,
      String kind,
      boolean namedInDocument,
      Edges<MeasureEdge> measures,
      Nodes<IndicatorRef> indicators,
      Counts progress,
      Scorecard scorecard) {}

  public record Scorecard(List<Code> measures, int achievementCount, @Nullable String lastUpdate) {}

  public record Output(
      String metric,
      String comparator,
      double value,
      String unit,
      @Nullable String counts,
      @Nullable Named indicator) {}

  public record Achievement(
      String code,
      int year,
      String date,
      String title,
      Lang titleText,
      String summary,
      List<Titled> measures,
      List<Titled> targetGroups,
      List<Named> departments,
      List<Output> outputs,
      String provenance,
      Source source) {

    public boolean serves(String measure) {
      return measures.stream().anyMatch(m -> m.code().equals(measure));
    }
  }

  public record Change(String table, int added, int changed, int removed) {}

  public record ReportLine(
      int year,
      String table,
      int entries,
      int published,
      int withheld,
      boolean auditPassed,
      @Nullable String provenance) {

    public boolean demo() {
      return "DEMO".equals(provenance);
    }
  }

  public record DisclosureReport(int release, String rules, List<ReportLine> tables) {}

  public record IncomeReport(DisclosureReport disclosureReport) {}

  public record BracketRange(String code, double from, @Nullable Double below) {}

  public record IncomeCell(
      String row,
      String rowName,
      String column,
      @Nullable Integer count,
      @Nullable String reason) {}

  public record IncomeTable(
      int year, @Nullable String provenance, List<BracketRange> brackets, List<IncomeCell> cells) {}

  public record Cells(List<IncomeCell> cells) {}

  public record Statistic(
      String row,
      String rowName,
      String statistic,
      @Nullable Double value,
      @Nullable String reason) {}

  public record IncomeYear(IncomeTable township, Cells area, List<Statistic> statistics) {}

  /**
   * A release in the list of releases.
   *
   * @param committedAt when it was committed to the portal's database (D19); null from a portal
   *     that does not say
   */
  public record ReleaseEntry(
      int number,
      String version,
      String publishedAt,
      String contentHash,
      @Nullable String note,
      List<Change> changes,
      @Nullable String committedAt) {

    /** The date the feeds give for this release's content: its commit time (D19). */
    public String updated() {
      return committedAt != null ? committedAt : publishedAt;
    }
  }

  /** A downloadable file: of a dataset, or of a whole release. */
  public record Distribution(
      String fileName, String format, String formatLabel, double byteSize, String sha256) {

    /** The size in bytes, as a whole number. */
    public long bytes() {
      return Math.round(byteSize);
    }

    /** The size for people: {@code 42.8 KB}. */
    public String size() {
      return Format.bytes(byteSize);
    }
  }

  /** The years a dataset covers. */
  public record Coverage(int start, @Nullable Integer end) {}

  /** One public table of a release with its downloads. */
  public record Dataset(
      String name,
      String table,
      String title,
      @Nullable String description,
      String publisher,
      String license,
      String updateFrequency,
      @Nullable Coverage temporalCoverage,
      int rowCount,
      boolean containsDemoData,
      List<Distribution> distributions) {

    /** Its files in the given formats, in that order. */
    public List<Distribution> in(List<String> formats) {
      return formats.stream()
          .flatMap(f -> distributions.stream().filter(d -> d.format().equals(f)))
          .toList();
    }
  }

  /** A release's version and its whole-release files. */
  public record ReleaseFiles(String version, List<Distribution> files) {}

  /** The answer of {@code downloads.graphql}: the release being published and its datasets. */
  public record Downloads(ReleaseFiles currentRelease, List<Dataset> datasets) {}

  /** The answer of {@code releaseFiles.graphql}. */
  public record ReleaseFilesAnswer(@Nullable ReleaseFiles release) {}

  public record GrantMade(
      String id,
      String title,
      double amount,
      String currency,
      String awardDate,
      String recipientName,
      @Nullable Code recipientCharity,
      String provenance) {}

  public record GrantReceived(
      String id,
      String title,
      double amount,
      String currency,
      String awardDate,
      Named funder,
      String provenance) {}

  public record Finance(
      int year,
      @Nullable Double donationIncome,
      @Nullable Double programmeSpending,
      @Nullable Double adminCost,
      @Nullable Integer beneficiaries,
      String provenance,
      Source source) {}

  public record Charity(
      String code,
      String name,
      Lang nameText,
      @Nullable String registrationAuthority,
      @Nullable String registered,
      @Nullable String recognized,
      @Nullable Boolean publicFundraising,
      @Nullable Boolean taxDeductible,
      List<String> fields,
      @Nullable Boolean overseasChinese,
      @Nullable String website,
      @Nullable String address,
      String status,
      @Nullable String deregistered,
      String provenance,
      @Nullable String note,
      Source source,
      List<Finance> finances,
      List<Donation> donations,
      List<GrantMade> grantsMade,
      List<GrantReceived> grantsReceived) {}

  public record Donation(
      int year,
      String field,
      @Nullable Integer donors,
      @Nullable Double total,
      boolean withheld,
      String provenance) {}
}
