package cn.qingtian.portal.api;

import java.util.Map;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * The most items each plain list of the schema (one that is not a connection) may hold, derived
 * from the data model, so that the cost model can count a list by its size before anything runs
 * (decision D17, docs/decisions/0017-query-cost.md): a list without a declared maximum counted as
 * one item is what let 700 aliased {@code incomeDistribution} tables cost one point. {@code
 * ListSizesTest} fails when a list field of the schema has no entry here, when an entry names no
 * field, and when a top-level list is declared larger than {@value #MAX_TOP_LEVEL}.
 *
 * <p>Where the bound follows from the model (enums, the 32 townships, the five income brackets, the
 * eight areas) it is exact; where it depends on the data (a charity's grants, an observation's
 * revisions) it is a generous bound for the data a county publishes. A list that holds more than
 * declared is still answered: the estimate is then low, and the hard cap on the bytes of an answer
 * ({@link QueryLimits#maxResponseSize()}) bounds what it can cost.
 */
public final class ListSizes {

  /** The largest plain list a top-level field may declare (D17: top-level flat lists). */
  public static final int MAX_TOP_LEVEL = 1_000;

  /** The edges and nodes of a connection: as many as the page it asks for. */
  static final int PAGE = -1;

  private static final int TOWNSHIP_ROWS = 32 + 3; // T01–T32, URBAN, RURAL, _T
  private static final int BRACKET_COLUMNS = 5 + 1; // the five IncomeBracket values and _T
  private static final int INCOME_TABLES = 5 + 1; // IncomeTable values, and MEAN (DP mode)
  private static final int YEARS = 50; // a series, a charity's finances: 50 years at most
  private static final int PUBLIC_TABLES = 64; // public tables of a release (about 30 today)

  private static final Map<String, Integer> DECLARED =
      Map.ofEntries(
          // Query: at most 100 IDs (checked by the resolver); one dataset per public table; each
          // township and the county, mean and median.
          Map.entry("Query.nodes", 100),
          Map.entry("Query.datasets", PUBLIC_TABLES),
          Map.entry("Query.incomeStatistics", (32 + 1) * 2),
          Map.entry("SearchConnection.facets", 16), // one per SearchType (5 today)
          Map.entry("IncomeDistribution.brackets", 5),
          Map.entry("IncomeDistribution.cells", TOWNSHIP_ROWS * BRACKET_COLUMNS),
          Map.entry("DisclosureReport.tables", INCOME_TABLES * YEARS),
          Map.entry("Achievement.measures", 100),
          Map.entry("Achievement.targetGroups", 50),
          Map.entry("Achievement.departments", 100),
          Map.entry("Achievement.outputs", 50),
          // A unit's measures and targets within the plans: 54 measures and 86 targets today.
          Map.entry("DepartmentScorecard.measures", 300),
          Map.entry("DepartmentScorecard.measuresLed", 300),
          Map.entry("DepartmentScorecard.measuresSupported", 300),
          Map.entry("DepartmentScorecard.targets", 500),
          Map.entry("Charity.fields", 16), // CharityField values (about 10)
          Map.entry("Charity.finances", YEARS),
          Map.entry("Charity.donations", YEARS * 16), // years × fields of work
          Map.entry("Charity.grantsMade", 500),
          Map.entry("Charity.grantsReceived", 500),
          Map.entry("Release.changes", PUBLIC_TABLES),
          Map.entry("Release.datasets", PUBLIC_TABLES),
          Map.entry("Release.files", 16), // descriptor, ZIP, SHA256SUMS, change log, catalogues
          Map.entry("Dataset.distributions", 16), // CSV, JSON, XLSX, SDMX and their metadata
          Map.entry("Plan.issuers", 20),
          Map.entry("Plan.principles", 20),
          Map.entry("Plan.areas", 8), // A0–A7
          Map.entry("Plan.sections", 30),
          Map.entry("Measure.targets", 30),
          Map.entry("Department.aliases", 20),
          Map.entry("Indicator.targets", 30),
          Map.entry("Indicator.comparison", 10), // Lishui, Zhejiang
          Map.entry("Series.observations", YEARS * 4), // up to quarterly for 50 years
          Map.entry("Observation.revisions", 200), // one per release that changed it
          Map.entry("Progress.targetPath", YEARS),
          Map.entry("ProgressCounts.byStatus", 16), // ProgressStatus values
          Map.entry("Target.quotes", 5),
          Map.entry("Target.targetPath", YEARS));

  private ListSizes() {}

  /**
   * The most items of the list field {@code field} of {@code type}, or empty when none is declared.
   * The edges and nodes of a connection (a type whose name ends in {@code Connection}) are declared
   * as {@link #PAGE}: they hold the page the connection asks for.
   */
  public static OptionalInt of(String type, String field) {
    if (type.endsWith("Connection") && (field.equals("edges") || field.equals("nodes"))) {
      return OptionalInt.of(PAGE);
    }
    @Nullable Integer declared = DECLARED.get(type + "." + field);
    return declared == null ? OptionalInt.empty() : OptionalInt.of(declared);
  }

  /** Every declared field, as {@code Type.field}, for the test that they all exist. */
  static Map<String, Integer> declared() {
    return DECLARED;
  }
}
