package cn.qingtian.portal.attack;

import cn.qingtian.portal.disclosure.Disclosure;
import cn.qingtian.portal.disclosure.Household;
import cn.qingtian.portal.disclosure.IncomeBracket;
import cn.qingtian.portal.disclosure.Township;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.LinearConstraintSet;
import org.apache.commons.math3.optim.linear.LinearObjectiveFunction;
import org.apache.commons.math3.optim.linear.NonNegativeConstraint;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.linear.SimplexSolver;
import org.apache.commons.math3.optim.linear.UnboundedSolutionException;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;

/**
 * An attacker of the published income tables: one linear program per table and year whose unknowns
 * are the withheld entries, constrained by every published count (a rounded count c as [max(10,
 * c−2), c+2], a published 0 as exactly 0), every row, column and grand total, and whatever else the
 * attack adds (what a reason says, what a mean or median says). It minimises and maximises each
 * withheld entry and judges the interval against the true count: a cell of 1–9 households, a total
 * of 1–9, or a group all in one cell must keep 10 households of doubt above and below (down to 0);
 * any other withheld entry must not be exact.
 *
 * <p>The stronger attacker of the second review round (docs/reliability.md, second-round finding C)
 * solves several tables of a year in one program (TOWNSHIP and AREA share their totals row), keeps
 * each published count as one unknown within its rounding interval that all its relations share,
 * and reads bounds as whole numbers.
 */
final class IncomeAttacker {

  /** The bracket edges an attacker knows, in yuan (the last has no upper edge). */
  static final long[] LOWER = {0, 100_000, 200_000, 500_000, 600_000};

  static final long[] UPPER = {100_000, 200_000, 500_000, 600_000, Long.MAX_VALUE};

  static final String TOTAL = "_T";

  private final List<String> rows;
  private final List<String> columns;
  private final Map<String, Disclosure.Cell> published = new HashMap<>();

  /** The program's variables: the withheld entries, and the shared published ones. */
  private final Map<String, Integer> unknowns = new LinkedHashMap<>();

  private final Set<String> withheld = new HashSet<>();
  private final List<LinearConstraint> constraints = new ArrayList<>();

  /** The attacker's program for one published table of one year, with its additive lines. */
  IncomeAttacker(List<Disclosure.Cell> cells, int year, String table) {
    this(cells, year, List.of(table), false);
  }

  /**
   * The attacker's program for several published tables of one year solved jointly, each with its
   * additive lines. The tables must share no row but the totals row {@code _T}: TOWNSHIP and AREA
   * both break down the county's households, so their bracket totals and grand total are one and
   * the same entry, through which the urban/rural rows constrain the townships.
   *
   * @param shared whether a published count is one variable of the program, within its rounding
   *     interval, that every relation shares (the stronger attacker: a row's published total is the
   *     same number in the row's line and in its mean), rather than an interval each relation may
   *     place anywhere on its own
   */
  IncomeAttacker(List<Disclosure.Cell> cells, int year, List<String> tables, boolean shared) {
    List<String> rowCodes = new ArrayList<>();
    List<String> columnCodes = new ArrayList<>();
    Map<String, List<String>> rowsOf = new LinkedHashMap<>();
    for (Disclosure.Cell cell : cells) {
      if (cell.year() != year || !tables.contains(cell.table())) {
        continue;
      }
      String key = key(cell.row(), cell.column());
      Disclosure.Cell before = published.put(key, cell);
      if (before != null && !before.table().equals(cell.table())) {
        if (!cell.row().equals(TOTAL) || !Objects.equals(before.count(), cell.count())) {
          throw new IllegalArgumentException("tables " + tables + " disagree on " + key);
        }
      }
      List<String> tableRows = rowsOf.computeIfAbsent(cell.table(), t -> new ArrayList<>());
      if (!cell.row().equals(TOTAL) && !tableRows.contains(cell.row())) {
        if (rowCodes.contains(cell.row())) {
          throw new IllegalArgumentException("tables " + tables + " share row " + cell.row());
        }
        tableRows.add(cell.row());
        rowCodes.add(cell.row());
      }
      if (!cell.column().equals(TOTAL) && !columnCodes.contains(cell.column())) {
        columnCodes.add(cell.column());
      }
      if ((cell.count() == null || (shared && cell.count() != 0)) && !unknowns.containsKey(key)) {
        unknowns.put(key, unknowns.size());
      }
      if (cell.count() == null) {
        withheld.add(key);
      }
    }
    for (String key : unknowns.keySet()) {
      if (!withheld.contains(key)) {
        long shown = published.get(key).count();
        double[] a = new double[unknowns.size()];
        a[unknowns.get(key)] = 1;
        constraints.add(new LinearConstraint(a, Relationship.GEQ, Math.max(10, shown - 2)));
        constraints.add(new LinearConstraint(a, Relationship.LEQ, shown + 2));
      }
    }
    rows = List.copyOf(rowCodes);
    columns = List.copyOf(columnCodes);
    List<String> allColumns = new ArrayList<>(columns);
    allColumns.add(TOTAL);
    for (List<String> tableRows : rowsOf.values()) {
      List<String> allRows = new ArrayList<>(tableRows);
      allRows.add(TOTAL);
      for (String row : allRows) {
        Map<String, Double> line = new HashMap<>();
        columns.forEach(column -> line.put(key(row, column), 1.0));
        line.put(key(row, TOTAL), -1.0);
        relation(line, 0, 0);
      }
      for (String column : allColumns) {
        Map<String, Double> line = new HashMap<>();
        tableRows.forEach(row -> line.put(key(row, column), 1.0));
        line.put(key(TOTAL, column), -1.0);
        relation(line, 0, 0);
      }
    }
  }

  static String key(String row, String column) {
    return row + "|" + column;
  }

  List<String> rows() {
    return rows;
  }

  List<String> columns() {
    return columns;
  }

  Map<String, Disclosure.Cell> published() {
    return published;
  }

  boolean isWithheld(String key) {
    return withheld.contains(key);
  }

  /**
   * Adds low ≤ Σ a·x ≤ high over entries by key; published entries enter with the interval of their
   * rounded count.
   */
  void relation(Map<String, Double> coefficients, double low, double high) {
    double[] a = new double[unknowns.size()];
    boolean any = false;
    double knownLow = 0;
    double knownHigh = 0;
    for (var term : coefficients.entrySet()) {
      Integer variable = unknowns.get(term.getKey());
      double coefficient = term.getValue();
      if (variable != null) {
        a[variable] += coefficient;
        any = true;
      } else {
        Disclosure.Cell cell = published.get(term.getKey());
        if (cell == null) {
          throw new IllegalArgumentException("no published entry " + term.getKey());
        }
        long shown = cell.count();
        double lo = shown == 0 ? 0 : Math.max(10, shown - 2);
        double hi = shown == 0 ? 0 : shown + 2;
        knownLow += coefficient > 0 ? coefficient * lo : coefficient * hi;
        knownHigh += coefficient > 0 ? coefficient * hi : coefficient * lo;
      }
    }
    if (!any) {
      return;
    }
    if (high != Double.POSITIVE_INFINITY) {
      constraints.add(new LinearConstraint(a, Relationship.LEQ, high - knownLow));
    }
    if (low != Double.NEGATIVE_INFINITY) {
      constraints.add(new LinearConstraint(a, Relationship.GEQ, low - knownHigh));
    }
  }

  /** A solution of the program optimising one unknown (unbounded: that unknown at infinity). */
  private double[] optimize(int variable, GoalType goal) {
    double[] objective = new double[unknowns.size()];
    objective[variable] = 1;
    try {
      return new SimplexSolver()
          .optimize(
              new MaxIter(20_000),
              new LinearObjectiveFunction(objective, 0),
              new LinearConstraintSet(constraints),
              goal,
              new NonNegativeConstraint(true))
          .getPoint();
    } catch (UnboundedSolutionException e) {
      double[] point = new double[unknowns.size()];
      Arrays.fill(point, Double.NaN);
      point[variable] = goal == GoalType.MAXIMIZE ? Double.POSITIVE_INFINITY : 0;
      return point;
    }
  }

  /** What the attack got out of one table: withheld entries, exactly recovered, narrowed. */
  record Outcome(int withheld, int exact, int narrowed, List<String> examples) {

    Outcome plus(Outcome other) {
      List<String> all = new ArrayList<>(examples);
      all.addAll(other.examples);
      return new Outcome(
          withheld + other.withheld,
          exact + other.exact,
          narrowed + other.narrowed,
          all.subList(0, Math.min(all.size(), 10)));
    }
  }

  static final Outcome NOTHING = new Outcome(0, 0, 0, List.of());

  /**
   * Solves every withheld entry and judges it against the truth. Every solution is a point the
   * attacker cannot rule out, so it widens every entry's interval at once; an entry whose interval
   * is already wide enough (and not exact) is not optimised again. The true counts are the first
   * such point.
   */
  Outcome judge(String label, Map<String, Long> truth) {
    return judge(label, truth, false);
  }

  /**
   * {@link #judge(String, Map)}, and with {@code integral} the attacker also uses that counts are
   * whole numbers: an upper bound is rounded down and a lower bound up (a tolerance of 10⁻⁶ for the
   * simplex's arithmetic keeps the rounding sound), so [2.5, 3.5] says 3 exactly and an upper bound
   * of 10.9 says at most 10.
   */
  Outcome judge(String label, Map<String, Long> truth, boolean integral) {
    List<String> keys = new ArrayList<>(unknowns.keySet());
    int n = keys.size();
    double[] low = new double[n];
    double[] high = new double[n];
    for (int k = 0; k < n; k++) {
      low[k] = truth.getOrDefault(keys.get(k), 0L);
      high[k] = low[k];
    }
    for (LinearConstraint constraint : constraints) {
      double lhs = constraint.getCoefficients().dotProduct(new ArrayRealVector(low));
      double slack = constraint.getValue() - lhs;
      boolean holds =
          switch (constraint.getRelationship()) {
            case LEQ -> slack >= -1e-6;
            case GEQ -> slack <= 1e-6;
            case EQ -> Math.abs(slack) <= 1e-6;
          };
      if (!holds) {
        throw new IllegalStateException(label + ": the attacker's program excludes the truth");
      }
    }
    int exact = 0;
    int narrowed = 0;
    List<String> examples = new ArrayList<>();
    int judged = 0;
    for (int k = 0; k < n; k++) {
      String key = keys.get(k);
      if (!withheld.contains(key)) {
        continue;
      }
      judged++;
      long value = truth.getOrDefault(key, 0L);
      boolean primary = primary(key, truth);
      if (!(primary
          ? up(high[k], integral) >= value + 10 - 1e-6
          : up(high[k], integral) >= down(low[k], integral) + 0.5)) {
        widen(optimize(k, GoalType.MAXIMIZE), low, high);
      }
      if (!(primary
          ? down(low[k], integral) <= Math.max(0, value - 10) + 1e-6
          : down(low[k], integral) <= up(high[k], integral) - 0.5)) {
        widen(optimize(k, GoalType.MINIMIZE), low, high);
      }
      double lower = down(low[k], integral);
      double upper = up(high[k], integral);
      boolean isExact = upper - lower < 0.5;
      boolean safe =
          primary
              ? lower <= Math.max(0, value - 10) + 1e-6 && upper >= value + 10 - 1e-6
              : !isExact;
      exact += isExact ? 1 : 0;
      if (!safe) {
        narrowed++;
        if (examples.size() < 10) {
          examples.add("%s %s: [%.1f, %.1f], true %d".formatted(label, key, lower, upper, value));
        }
      }
    }
    return new Outcome(judged, exact, narrowed, examples);
  }

  /** An upper bound as the attacker reads it: rounded down to a whole count if integral. */
  private static double up(double bound, boolean integral) {
    return integral && Double.isFinite(bound) ? Math.floor(bound + 1e-6) : bound;
  }

  /** A lower bound as the attacker reads it: rounded up to a whole count if integral. */
  private static double down(double bound, boolean integral) {
    return integral ? Math.ceil(bound - 1e-6) : bound;
  }

  private static void widen(double[] point, double[] low, double[] high) {
    for (int j = 0; j < point.length; j++) {
      if (!Double.isNaN(point[j])) {
        low[j] = Math.min(low[j], point[j]);
        high[j] = Math.max(high[j], point[j]);
      }
    }
  }

  /** 1–9 households, or a group all in one cell: what primary suppression protects. */
  private boolean primary(String key, Map<String, Long> truth) {
    long value = truth.getOrDefault(key, 0L);
    if (value >= 1 && value <= 9) {
      return true;
    }
    String[] parts = key.split("\\|");
    if (parts[0].equals(TOTAL) || parts[1].equals(TOTAL)) {
      return false;
    }
    long rowTotal = truth.getOrDefault(key(parts[0], TOTAL), 0L);
    return rowTotal >= 10 && value == rowTotal;
  }

  /** The true counts of a published table, by key (the judge's knowledge, not the attacker's). */
  static Map<String, Long> truth(List<Household> households, int year, String table) {
    Function<Household, String> row =
        switch (table) {
          case "TOWNSHIP" -> Household::township;
          case "AREA" -> h -> h.urban() ? "URBAN" : "RURAL";
          default -> h -> table;
        };
    Predicate<Household> included =
        switch (table) {
          case "LOW_INCOME_FARM" -> Household::lowIncomeFarm;
          case "DIBAO" -> Household::dibao;
          case "QIAOJUAN" -> Household::qiaojuan;
          default -> h -> true;
        };
    Map<String, Long> truth = new HashMap<>();
    for (Household h : households) {
      if (h.year() != year || !included.test(h)) {
        continue;
      }
      String r = row.apply(h);
      String c = IncomeBracket.of(h.income()).name();
      for (String rr : List.of(r, TOTAL)) {
        for (String cc : List.of(c, TOTAL)) {
          truth.merge(key(rr, cc), 1L, Long::sum);
        }
      }
    }
    return truth;
  }

  static List<String> townships() {
    return Township.ALL.stream().map(Township::code).toList();
  }
}
