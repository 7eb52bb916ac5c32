package cn.qingtian.portal.disclosure;

import cn.qingtian.portal.api.Sha256;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

  /**
   * What the disclosure report says of one table.
   *
   * @param epsilon the privacy budget this release spent on the table: ε when any of its cells was
   *     drawn afresh, 0 when every cell's noise was reused (and under disclosure control)
   * @param epsilonToDate the budget spent on this table and year over all releases (the ledger)
   * @param noise what identifies the draws, so the next release can tell reused noise from a new
   *     draw; null under disclosure control
   */
  public record TableReport(
      int year,
      String table,
      int entries,
      int published,
      int primary,
      int secondary,
      boolean auditPassed,
      double epsilon,
      double epsilonToDate,
      @Nullable String noise) {}

  /**
   * The ledger of one table and year as the previous release left it.
   *
   * @param noise the draws it published (null: unknown, so any draw now is a new one)
   */
  public record Ledger(@Nullable String noise, double epsilonToDate) {}

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
      statistics.addAll(statistics(households, year, tables.get("TOWNSHIP"), tables.get("AREA")));
    }
    return new Result(List.copyOf(cells), List.copyOf(reports), List.copyOf(statistics));
  }

  /**
   * The year's means and medians, audited together with the township table they describe
   * (docs/disclosure-control.md, attack finding 5): a published mean or median narrows its row's
   * bracket counts, so the township table is audited again with what the figures say ({@link
   * StatisticRelations}), and the figures of the rows whose withheld counts come out too narrow are
   * withheld, until the audit passes. When the narrowed entry's own row has no figure left to
   * withhold (the narrowing came through a column, or it is an entry of the AREA table), the
   * figures of every row with a withheld count go; as a last resort all of them.
   *
   * <p>The audit is the stronger one of the second review round (docs/reliability.md, second-round
   * finding C; {@link IntervalAudit#auditJointly}): the AREA table solved with the township table,
   * each published count one unknown shared by all its relations, bounds read as whole numbers. It
   * is several times slower than the township table's own audit, whose intervals can only be wider
   * (the same program with fewer relations and looser unknowns), so the loop first withholds what
   * that one finds and then goes on with the joint audit until it passes. With every figure
   * withheld it asks only what the two count tables say together; should even that narrow a count
   * (each table passed its own audit, but not the joint one), the release is refused rather than
   * published.
   */
  static List<IncomeStatistics.Figure> statistics(
      List<Household> households, int year, CountTable township, CountTable area) {
    long cap = IncomeStatistics.cap(households, year);
    Set<String> narrowing = new HashSet<>();
    List<String> everyRow = new ArrayList<>(township.rows());
    everyRow.add("_T");
    boolean jointly = false;
    while (true) {
      List<IncomeStatistics.Figure> figures =
          IncomeStatistics.of(households, year, township, narrowing);
      List<IntervalAudit.Relation> relations = StatisticRelations.of(township, figures, cap);
      IntervalAudit.Result audit =
          jointly
              ? IntervalAudit.auditJointly(township, area, relations)
              : IntervalAudit.audit(township, relations);
      if (audit.passed()) {
        if (jointly) {
          return figures;
        }
        jointly = true;
        continue;
      }
      if (jointly && narrowing.containsAll(everyRow)) {
        throw new Protection.RefusedException(
            "TOWNSHIP and AREA " + year + " fail the joint audit without any mean or median");
      }
      Set<String> rows = new HashSet<>();
      for (IntervalAudit.Bound failure : audit.failures()) {
        if (failure.entry() < township.size()) {
          rows.add(rowOf(township, failure.entry()));
        }
      }
      if (narrowing.containsAll(rows)) {
        for (String row : everyRow) {
          if (hasWithheldEntry(township, row)) {
            rows.add(row);
          }
        }
      }
      if (narrowing.containsAll(rows)) {
        rows.addAll(everyRow);
      }
      narrowing.addAll(rows);
    }
  }

  /** The row of the township table an entry belongs to: a township, or the county for totals. */
  private static String rowOf(CountTable table, int entry) {
    int cells = table.rows().size() * table.columns().size();
    if (entry < cells) {
      return table.rows().get(entry / table.columns().size());
    }
    if (entry < cells + table.rows().size()) {
      return table.rows().get(entry - cells);
    }
    return "_T";
  }

  private static boolean hasWithheldEntry(CountTable table, String row) {
    int r = table.rows().indexOf(row);
    for (int column = 0; column < table.columns().size(); column++) {
      int entry = r < 0 ? table.columnTotal(column) : table.cell(r, column);
      if (table.isSuppressed(entry)) {
        return true;
      }
    }
    return table.isSuppressed(r < 0 ? table.grandTotal() : table.rowTotal(r));
  }

  /** {@link #runDifferentiallyPrivate(List, List, DifferentialPrivacy, Map)} with no history. */
  public static Result runDifferentiallyPrivate(
      List<Household> households, List<Integer> years, DifferentialPrivacy dp) {
    return runDifferentiallyPrivate(households, years, dp, Map.of());
  }

  /**
   * The differential-privacy option: every table's cells noised once (ε per table and year, each
   * household being in one cell), post-processed to non-negative integers that add up, margins as
   * sums of the published cells. Nothing is suppressed. Each cell's noise is drawn for its identity
   * (table, year, row, column and the hash of its rows; {@link KeyedNoise}), so unchanged data
   * publish unchanged cells; the report keeps the ledger: ε spent now only where a cell was drawn
   * afresh, and the total to date (docs/disclosure-control.md, attack finding 7).
   *
   * @param previous the ledger of the previous release, by {@code "year table"}
   */
  public static Result runDifferentiallyPrivate(
      List<Household> households,
      List<Integer> years,
      DifferentialPrivacy dp,
      Map<String, Ledger> previous) {
    List<Cell> cells = new ArrayList<>();
    List<TableReport> reports = new ArrayList<>();
    for (int year : years) {
      Map<String, CountTable> tables = build(households, year);
      for (String name : TABLES) {
        CountTable table = tables.get(name);
        int columns = table.columns().size();
        List<String> contributors = IncomeTables.contributors(households, year, name);
        long[] histogram = new long[table.rows().size() * columns];
        List<String> identities = new ArrayList<>();
        for (int i = 0; i < histogram.length; i++) {
          histogram[i] = table.trueValue(i);
          identities.add(
              identity(
                  "income_cells",
                  name,
                  Integer.toString(year),
                  table.rows().get(i / columns),
                  table.columns().get(i % columns),
                  contributors.get(i)));
        }
        long[] published = dp.publish(histogram, identities);
        long[][] grid = new long[table.rows().size()][columns];
        for (int i = 0; i < histogram.length; i++) {
          grid[i / columns][i % columns] = published[i];
        }
        CountTable noisy = new CountTable(table.rows(), table.columns(), grid);
        cells.addAll(cells(year, name, noisy, false));
        reports.add(spent(year, name, noisy.size(), dp, identities, previous));
      }
    }
    List<IncomeStatistics.Figure> means =
        noisyMeans(households, years, cells, reports, dp, previous);
    return new Result(List.copyOf(cells), List.copyOf(reports), means);
  }

  /** A cell's identity for its noise: where it is and the hash of the rows behind it. */
  private static String identity(String... parts) {
    return String.join("|", parts);
  }

  /**
   * The ledger line of a noised table: ε again unless every draw is the one the previous release
   * published. (Conservative: one re-drawn cell counts ε for the whole table, though only the
   * households in that cell spend it.)
   */
  private static TableReport spent(
      int year,
      String name,
      int entries,
      DifferentialPrivacy dp,
      List<String> identities,
      Map<String, Ledger> previous) {
    String noise = dp.draws(identities);
    Ledger before = previous.get(year + " " + name);
    boolean reused = noise != null && before != null && noise.equals(before.noise());
    double epsilon = reused ? 0 : dp.epsilon();
    double toDate = (before == null ? 0 : before.epsilonToDate()) + epsilon;
    return new TableReport(year, name, entries, entries, 0, 0, true, epsilon, toDate, noise);
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
      DifferentialPrivacy dp,
      Map<String, Ledger> previous) {
    List<IncomeStatistics.Figure> figures = new ArrayList<>();
    for (int year : years) {
      List<String> rows = new ArrayList<>(Township.ALL.stream().map(Township::code).toList());
      rows.add("_T");
      List<String> contributors = IncomeTables.contributors(households, year, "TOWNSHIP");
      int brackets = IncomeBracket.values().length;
      List<String> identities = new ArrayList<>();
      long county = 0;
      for (String row : rows) {
        int y = year;
        long[] incomes =
            households.stream()
                .filter(h -> h.year() == y && (row.equals("_T") || h.township().equals(row)))
                .mapToLong(Household::income)
                .toArray();
        long sum = 0;
        if (!row.equals("_T")) {
          int r = rows.indexOf(row);
          String identity =
              identity(
                  "income_statistics",
                  "MEAN",
                  Integer.toString(year),
                  row,
                  Sha256.hex(
                      String.join("|", contributors.subList(r * brackets, (r + 1) * brackets))));
          identities.add(identity);
          sum = dp.noisySum(incomes, DP_INCOME_CAP, identity);
        } else {
          sum = county;
        }
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
                year, row, "MEAN", mean, mean == null ? IncomeStatistics.Withheld.WITHHELD : null));
      }
      reports.add(spent(year, "MEAN", rows.size(), dp, identities, previous));
    }
    return List.copyOf(figures);
  }

  private static Map<String, CountTable> build(List<Household> households, int year) {
    Map<String, CountTable> tables = new HashMap<>();
    tables.put("TOWNSHIP", IncomeTables.byTownship(households, year));
    tables.put("AREA", IncomeTables.byArea(households, year));
    IncomeTables.FLAGS.forEach(
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
                // One reason for every withheld entry: a specific one narrows it
                // (docs/disclosure-control.md, attack finding 4).
                table.isSuppressed(entry) ? Reason.WITHHELD : null));
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

  /**
   * The report of a protected table. It counts the withheld entries without telling primary from
   * secondary ones (all in {@code primary}, 0 in {@code secondary}): in a one-row table "one
   * primary, one secondary" would narrow the cells as a specific reason does
   * (docs/disclosure-control.md, attack finding 4).
   */
  private static TableReport report(
      int year, String name, CountTable table, IntervalAudit.Result audit) {
    int published = 0;
    int withheld = 0;
    for (int entry = 0; entry < table.size(); entry++) {
      if (table.isSuppressed(entry)) {
        withheld++;
      } else {
        published++;
      }
    }
    return new TableReport(
        year, name, table.size(), published, withheld, 0, audit.passed(), 0, 0, null);
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
