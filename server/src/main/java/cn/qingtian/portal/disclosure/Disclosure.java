package cn.qingtian.portal.disclosure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The whole disclosure step for a set of years: builds every table of a year from the microdata,
 * protects it (keeping last year's pattern where it can), keeps the margins that tables share
 * consistent, and returns only what may be published: rounded counts or a reason, means and
 * medians, and a report per table (the plan's shares are computed from the published counts by
 * {@link IncomeShares}). Nothing it returns holds a household or an exact count.
 */
public final class Disclosure {

  /** The tables of each year; TOWNSHIP and AREA share their bracket totals and grand total. */
  public static final List<String> TABLES =
      List.of("TOWNSHIP", "AREA", "LOW_INCOME_FARM", "DIBAO", "QIAOJUAN");

  private Disclosure() {}

  /** One published cell: a rounded count, or the reason it is withheld. */
  public record Cell(
      int year,
      String table,
      String row,
      String column,
      @Nullable Long count,
      @Nullable Reason reason) {}

  /** What the disclosure report says of one table. */
  public record TableReport(
      int year,
      String table,
      int entries,
      int published,
      int primary,
      int secondary,
      boolean auditPassed,
      double epsilon) {}

  /** Everything a release publishes from the microdata. */
  public record Result(
      List<Cell> cells, List<TableReport> reports, List<IncomeStatistics.Figure> statistics) {}

  /** The plan's brackets as unions of the fixed ones. */
  public static final Map<String, List<IncomeBracket>> PLAN_BRACKETS =
      Map.of(
          "100K_500K", List.of(IncomeBracket.FROM_10_TO_20, IncomeBracket.FROM_20_TO_50),
          "200K_600K", List.of(IncomeBracket.FROM_20_TO_50, IncomeBracket.FROM_50_TO_60));

  public static Result run(List<Household> households, List<Integer> years) {
    List<Cell> cells = new ArrayList<>();
    List<TableReport> reports = new ArrayList<>();
    List<IncomeStatistics.Figure> statistics = new ArrayList<>();
    Map<String, Set<Integer>> previous = new HashMap<>();
    for (int year : years) {
      Map<String, CountTable> tables = build(households, year);
      protectLinked(tables, previous);
      for (String name : TABLES) {
        CountTable table = tables.get(name);
        IntervalAudit.Result audit = IntervalAudit.audit(table);
        if (!audit.passed()) {
          throw new Protection.RefusedException(name + " " + year + " fails the audit");
        }
        reports.add(report(year, name, table, audit));
        cells.addAll(cells(year, name, table, true));
        previous.put(name, suppressed(table));
      }
      statistics.addAll(IncomeStatistics.of(households, year, tables.get("TOWNSHIP")));
    }
    return new Result(List.copyOf(cells), List.copyOf(reports), List.copyOf(statistics));
  }

  /**
   * The differential-privacy option: every table's cells noised once (ε per table and year, each
   * household being in one cell), post-processed to non-negative integers that add up, margins as
   * sums of the published cells. Nothing is suppressed; the report records the ε spent.
   */
  public static Result runDifferentiallyPrivate(
      List<Household> households, List<Integer> years, DifferentialPrivacy dp) {
    List<Cell> cells = new ArrayList<>();
    List<TableReport> reports = new ArrayList<>();
    for (int year : years) {
      Map<String, CountTable> tables = build(households, year);
      for (String name : TABLES) {
        CountTable table = tables.get(name);
        int columns = table.columns().size();
        long[] histogram = new long[table.rows().size() * columns];
        for (int i = 0; i < histogram.length; i++) {
          histogram[i] = table.trueValue(i);
        }
        long[] published = dp.publish(histogram);
        long[][] grid = new long[table.rows().size()][columns];
        for (int i = 0; i < histogram.length; i++) {
          grid[i / columns][i % columns] = published[i];
        }
        CountTable noisy = new CountTable(table.rows(), table.columns(), grid);
        cells.addAll(cells(year, name, noisy, false));
        reports.add(
            new TableReport(year, name, noisy.size(), noisy.size(), 0, 0, true, dp.epsilon()));
      }
    }
    List<IncomeStatistics.Figure> means = noisyMeans(households, years, cells, reports, dp);
    return new Result(List.copyOf(cells), List.copyOf(reports), means);
  }

  /** Income in DP means is clamped to this many yuan: one household changes a sum by at most it. */
  static final long DP_INCOME_CAP = 1_000_000;

  /**
   * Means per township and county in the DP mode: a noisy clamped sum (ε once per year, each
   * household being in one township) over the noisy count already published; rounded to 100 yuan.
   * Medians are not published in this mode.
   */
  private static List<IncomeStatistics.Figure> noisyMeans(
      List<Household> households,
      List<Integer> years,
      List<Cell> cells,
      List<TableReport> reports,
      DifferentialPrivacy dp) {
    List<IncomeStatistics.Figure> figures = new ArrayList<>();
    for (int year : years) {
      List<String> rows = new ArrayList<>(Township.ALL.stream().map(Township::code).toList());
      rows.add("_T");
      long county = 0;
      for (String row : rows) {
        int y = year;
        long[] incomes =
            households.stream()
                .filter(h -> h.year() == y && (row.equals("_T") || h.township().equals(row)))
                .mapToLong(Household::income)
                .toArray();
        long sum = row.equals("_T") ? county : dp.noisySum(incomes, DP_INCOME_CAP);
        county += row.equals("_T") ? 0 : sum;
        long count =
            cells.stream()
                .filter(c -> c.year() == y && c.table().equals("TOWNSHIP"))
                .filter(c -> c.row().equals(row) && c.column().equals("_T"))
                .mapToLong(c -> c.count() == null ? 0 : c.count())
                .sum();
        Long mean = count <= 0 ? null : Math.round(Math.max(0, sum) / (double) count / 100) * 100;
        figures.add(
            new IncomeStatistics.Figure(
                year,
                row,
                "MEAN",
                mean,
                mean == null ? IncomeStatistics.Withheld.THRESHOLD : null));
      }
      int entries = rows.size();
      reports.add(new TableReport(year, "MEAN", entries, entries, 0, 0, true, dp.epsilon()));
    }
    return List.copyOf(figures);
  }

  private static Map<String, CountTable> build(List<Household> households, int year) {
    Map<String, CountTable> tables = new HashMap<>();
    tables.put("TOWNSHIP", IncomeTables.byTownship(households, year));
    tables.put("AREA", IncomeTables.byArea(households, year));
    Map<String, Predicate<Household>> flags =
        Map.of(
            "LOW_INCOME_FARM", Household::lowIncomeFarm,
            "DIBAO", Household::dibao,
            "QIAOJUAN", Household::qiaojuan);
    flags.forEach(
        (name, flag) -> tables.put(name, IncomeTables.withFlag(households, year, name, flag)));
    return tables;
  }

  /**
   * Protects every table, then makes the margins TOWNSHIP and AREA share agree: a bracket total or
   * the grand total suppressed in one is suppressed in the other, and both are protected again,
   * until nothing changes.
   */
  private static void protectLinked(
      Map<String, CountTable> tables, Map<String, Set<Integer>> previous) {
    CountTable township = tables.get("TOWNSHIP");
    CountTable area = tables.get("AREA");
    boolean changed = true;
    while (changed) {
      for (String name : TABLES) {
        Protection.protect(tables.get(name), previous.getOrDefault(name, Set.of()));
      }
      changed = false;
      for (int column = 0; column <= township.columns().size(); column++) {
        int inTownship =
            column < township.columns().size()
                ? township.columnTotal(column)
                : township.grandTotal();
        int inArea = column < area.columns().size() ? area.columnTotal(column) : area.grandTotal();
        if (township.isSuppressed(inTownship) != area.isSuppressed(inArea)) {
          township.suppress(inTownship, Reason.SECONDARY);
          area.suppress(inArea, Reason.SECONDARY);
          changed = true;
        }
      }
    }
  }

  private static List<Cell> cells(int year, String name, CountTable table, boolean rounded) {
    List<Cell> cells = new ArrayList<>();
    List<String> rows = new ArrayList<>(table.rows());
    rows.add("_T");
    List<String> columns = new ArrayList<>(table.columns());
    columns.add("_T");
    for (int r = 0; r < rows.size(); r++) {
      for (int c = 0; c < columns.size(); c++) {
        int entry = entry(table, r, c);
        cells.add(
            new Cell(
                year,
                name,
                rows.get(r),
                columns.get(c),
                count(table, entry, rounded),
                table.reason(entry)));
      }
    }
    return cells;
  }

  private static int entry(CountTable table, int row, int column) {
    boolean rowTotal = row == table.rows().size();
    boolean columnTotal = column == table.columns().size();
    if (rowTotal && columnTotal) {
      return table.grandTotal();
    }
    if (rowTotal) {
      return table.columnTotal(column);
    }
    if (columnTotal) {
      return table.rowTotal(row);
    }
    return table.cell(row, column);
  }

  /** A published count: rounded (disclosure control) or as it is (already noisy, DP). */
  private static @Nullable Long count(CountTable table, int entry, boolean rounded) {
    return rounded ? table.published(entry) : Long.valueOf(table.trueValue(entry));
  }

  private static TableReport report(
      int year, String name, CountTable table, IntervalAudit.Result audit) {
    int published = 0;
    int primary = 0;
    int secondary = 0;
    for (int entry = 0; entry < table.size(); entry++) {
      Reason reason = table.reason(entry);
      if (reason == null) {
        published++;
      } else if (reason == Reason.SECONDARY) {
        secondary++;
      } else {
        primary++;
      }
    }
    return new TableReport(
        year, name, table.size(), published, primary, secondary, audit.passed(), 0);
  }

  private static Set<Integer> suppressed(CountTable table) {
    Set<Integer> entries = new HashSet<>();
    for (int entry = 0; entry < table.size(); entry++) {
      if (table.isSuppressed(entry)) {
        entries.add(entry);
      }
    }
    return entries;
  }
}
