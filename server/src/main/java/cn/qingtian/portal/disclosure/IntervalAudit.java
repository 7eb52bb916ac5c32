package cn.qingtian.portal.disclosure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.LinearConstraintSet;
import org.apache.commons.math3.optim.linear.LinearObjectiveFunction;
import org.apache.commons.math3.optim.linear.NonNegativeConstraint;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.linear.SimplexSolver;
import org.apache.commons.math3.optim.linear.UnboundedSolutionException;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.jspecify.annotations.Nullable;

/**
 * What an attacker can learn about each suppressed entry from what is published: the smallest and
 * largest value it can take, by linear programming over every line of the table
 * (docs/decisions/methods.md §2). A published count is known only as its rounded value ± 2 (and at
 * least 10 when it is not zero); a suppressed one only as non-negative, because every withheld
 * entry is published with the one reason {@link Reason#WITHHELD} (a specific reason would say more:
 * "fewer than 10" is 1–9, "a whole group" is the row total, and a withheld entry may be 0, since a
 * partner can be an empty cell). What else is published about the table's rows, a mean or a median,
 * enters as further {@link Relation}s, so the audit covers it too (docs/disclosure-control.md,
 * attack findings 4 and 5).
 *
 * <p>A primary entry (fewer than 10 households, or a group all in one cell) is protected when the
 * attacker's interval reaches {@link #PROTECTION} households above its value and below it (or to
 * 0): so a small cell's upper bound is never below 10, and a rounded lone cell, known within a few
 * households, fails. A secondary entry must not be exactly disclosed.
 *
 * <p>The unknowns are the suppressed entries only; each line's published members enter as the
 * interval of their sum. This is exact without rounding; with rounding it ignores that a published
 * cell's rounding error is shared by its row and its column, which can only widen an interval by a
 * few households. Where that matters, for the means and medians ({@link #auditJointly}), published
 * counts are unknowns of their own: a township's total taken at 57 in its mean and at 53 in its
 * row's line left a cell of one household room up to 11.9, where 10.9 is all there is
 * (docs/reliability.md, second-round finding C).
 */
public final class IntervalAudit {

  /** How far above and below its value a primary entry's interval must reach. */
  public static final double PROTECTION = CountTable.THRESHOLD;

  private IntervalAudit() {}

  /**
   * The bounds of one suppressed entry, and whether they protect it. A bound is the true extreme
   * when the audit had to optimise for it, otherwise the widest value a solution found for another
   * entry gave it, already enough for its protection.
   */
  public record Bound(int entry, double lower, double upper, boolean safe) {}

  /** The audit of a table: a bound for every suppressed entry. */
  public record Result(List<Bound> bounds) {

    public boolean passed() {
      return bounds.stream().allMatch(Bound::safe);
    }

    public List<Bound> failures() {
      return bounds.stream().filter(b -> !b.safe()).toList();
    }
  }

  /**
   * A linear relation an attacker knows between entries of the table: {@code low ≤ Σ coefficient ×
   * entry ≤ high}. Every line of the table is one (members − total = 0); a published mean or median
   * adds others ({@link StatisticRelations}).
   */
  public record Relation(int[] entries, double[] coefficients, double low, double high) {

    /** A line of the table: its members add up to its total. */
    static Relation of(CountTable.Line line) {
      int[] all = line.all();
      double[] coefficients = new double[all.length];
      for (int i = 0; i < all.length; i++) {
        coefficients[i] = all[i] == line.total() ? -1 : 1;
      }
      return new Relation(all, coefficients, 0, 0);
    }
  }

  public static Result audit(CountTable table) {
    return audit(table, List.of(), true);
  }

  /** The audit with what else is published about the table (means and medians of its rows). */
  public static Result audit(CountTable table, List<Relation> published) {
    return audit(table, published, true);
  }

  /**
   * {@code rounded = false} audits as if published counts were exact (for tests of the LP alone).
   */
  static Result audit(CountTable table, boolean rounded) {
    return audit(table, List.of(), rounded);
  }

  private static Result audit(CountTable table, List<Relation> extra, boolean rounded) {
    int size = table.size();
    long[] truth = new long[size];
    @Nullable Reason[] reasons = new Reason[size];
    double[][] known = new double[size][];
    for (int entry = 0; entry < size; entry++) {
      truth[entry] = table.trueValue(entry);
      reasons[entry] = table.reason(entry);
      known[entry] = table.isSuppressed(entry) ? null : range(table, entry, rounded);
    }
    List<Relation> relations = new ArrayList<>();
    table.lines().forEach(line -> relations.add(Relation.of(line)));
    relations.addAll(extra);
    return solve(truth, reasons, known, relations, false);
  }

  /**
   * The audit of the township table with what its means and medians say, against the stronger
   * attacker of the second review round (docs/reliability.md, second-round finding C), who solves
   * more than the one table:
   *
   * <ul>
   *   <li>the TOWNSHIP and AREA tables together: they break down the same households, so their
   *       bracket totals and grand total are one and the same entry, and the urban/rural rows
   *       constrain the townships through them;
   *   <li>every published count as one unknown within its rounding interval, shared by every
   *       relation it is in: a township's published total is the same number in its row's line and
   *       in its mean, where the single-table audit lets each relation place it anywhere in its
   *       interval (an outside reviewer pinned three cells of one household at most 10 that way);
   *   <li>counts are whole numbers: an upper bound means its floor and a lower bound its ceiling,
   *       so a secondary entry is disclosed when its interval holds one whole number, even if it is
   *       a unit wide ([2.5, 3.5] says 3).
   * </ul>
   *
   * Bounds of AREA entries are numbered after the township table's: {@code township.size() +
   * entry}.
   *
   * @param figures what the published means and medians say (entries of the township table)
   */
  public static Result auditJointly(CountTable township, CountTable area, List<Relation> figures) {
    if (!township.columns().equals(area.columns())) {
      throw new IllegalArgumentException("TOWNSHIP and AREA must have the same brackets");
    }
    int offset = township.size();
    int size = offset + area.size();
    long[] truth = new long[size];
    @Nullable Reason[] reasons = new Reason[size];
    double[][] known = new double[size][];
    for (int i = 0; i < size; i++) {
      CountTable table = i < offset ? township : area;
      int entry = i < offset ? i : i - offset;
      truth[i] = table.trueValue(entry);
      reasons[i] = table.reason(entry);
      known[i] = table.isSuppressed(entry) ? null : range(table, entry, true);
    }
    List<Relation> relations = new ArrayList<>();
    township.lines().forEach(line -> relations.add(Relation.of(line)));
    for (CountTable.Line line : area.lines()) {
      Relation relation = Relation.of(line);
      int[] entries = relation.entries().clone();
      for (int i = 0; i < entries.length; i++) {
        entries[i] += offset;
      }
      relations.add(new Relation(entries, relation.coefficients(), 0, 0));
    }
    for (int column = 0; column <= township.columns().size(); column++) {
      int inTownship =
          column < township.columns().size() ? township.columnTotal(column) : township.grandTotal();
      int inArea = column < area.columns().size() ? area.columnTotal(column) : area.grandTotal();
      relations.add(
          new Relation(new int[] {inTownship, offset + inArea}, new double[] {1, -1}, 0, 0));
    }
    relations.addAll(figures);
    return solve(truth, reasons, known, relations, true);
  }

  /**
   * The programs of an audit.
   *
   * @param reasons why each entry is withheld, null where it is published
   * @param known the interval an attacker knows a published entry in (null for a withheld one)
   * @param stronger whether every published count is an unknown of its own within its interval,
   *     shared by the relations (rather than an interval each relation takes on its own), and
   *     bounds are read as whole numbers
   */
  private static Result solve(
      long[] truth,
      @Nullable Reason[] reasons,
      double[][] known,
      List<Relation> relations,
      boolean stronger) {
    int size = truth.length;
    List<Integer> unknowns = new ArrayList<>();
    int[] column = new int[size];
    int withheld = 0;
    for (int entry = 0; entry < size; entry++) {
      column[entry] = -1;
      if (reasons[entry] != null) {
        column[entry] = unknowns.size();
        unknowns.add(entry);
        withheld++;
      }
    }
    if (withheld == 0) {
      return new Result(List.of());
    }
    List<LinearConstraint> constraints = new ArrayList<>();
    if (stronger) {
      addPublishedUnknowns(reasons, known, column, unknowns, constraints);
    }
    int n = unknowns.size();
    for (Relation relation : relations) {
      addRelation(relation, reasons, known, column, n, constraints);
    }
    return new Result(bounds(truth, reasons, known, unknowns, withheld, constraints, stronger));
  }

  /**
   * Makes every published count but a 0 an unknown of the program, bounded by its interval.
   *
   * <p>A published 0 is exact and stays a constant; every other published count is an unknown,
   * entered as its excess over the lower end of its interval (so its lower bound is the solver's
   * non-negativity and only the upper one is a row of the program).
   */
  private static void addPublishedUnknowns(
      @Nullable Reason[] reasons,
      double[][] known,
      int[] column,
      List<Integer> unknowns,
      List<LinearConstraint> constraints) {
    int size = reasons.length;
    for (int entry = 0; entry < size; entry++) {
      if (reasons[entry] == null && known[entry][1] > 0) {
        column[entry] = unknowns.size();
        unknowns.add(entry);
      }
    }
    for (int entry = 0; entry < size; entry++) {
      if (reasons[entry] == null && column[entry] >= 0) {
        double[] a = new double[unknowns.size()];
        a[column[entry]] = 1;
        constraints.add(
            new LinearConstraint(a, Relationship.LEQ, known[entry][1] - known[entry][0]));
      }
    }
  }

  /** Adds a relation's rows to the program: low ≤ unknown part + known part ≤ high. */
  private static void addRelation(
      Relation relation,
      @Nullable Reason[] reasons,
      double[][] known,
      int[] column,
      int n,
      List<LinearConstraint> constraints) {
    double[] coefficients = new double[n];
    boolean any = false;
    double knownLow = 0;
    double knownHigh = 0;
    for (int i = 0; i < relation.entries().length; i++) {
      int entry = relation.entries()[i];
      double a = relation.coefficients()[i];
      if (column[entry] >= 0) {
        coefficients[column[entry]] += a;
        any = true;
        if (reasons[entry] == null) {
          knownLow += a * known[entry][0];
          knownHigh += a * known[entry][0];
        }
      } else {
        double[] range = known[entry];
        knownLow += a > 0 ? a * range[0] : a * range[1];
        knownHigh += a > 0 ? a * range[1] : a * range[0];
      }
    }
    if (any) {
      // low ≤ unknown part + known part ≤ high
      if (relation.high() != Double.POSITIVE_INFINITY) {
        constraints.add(
            new LinearConstraint(coefficients, Relationship.LEQ, relation.high() - knownLow));
      }
      if (relation.low() != Double.NEGATIVE_INFINITY) {
        constraints.add(
            new LinearConstraint(coefficients, Relationship.GEQ, relation.low() - knownHigh));
      }
    }
  }

  /**
   * The interval each withheld entry is known to lie in.
   *
   * <p>Every solution of a program is a point the attacker cannot rule out, so it widens every
   * entry's known interval at once; an entry whose interval is already wide enough needs no program
   * of its own. The true counts are the first such point.
   */
  private static List<Bound> bounds(
      long[] truth,
      @Nullable Reason[] reasons,
      double[][] known,
      List<Integer> unknowns,
      int withheld,
      List<LinearConstraint> constraints,
      boolean stronger) {
    int n = unknowns.size();
    double[] low = new double[n];
    double[] high = new double[n];
    for (int k = 0; k < n; k++) {
      int entry = unknowns.get(k);
      low[k] = truth[entry] - (reasons[entry] == null ? known[entry][0] : 0);
      high[k] = low[k];
    }
    List<Bound> bounds = new ArrayList<>();
    for (int k = 0; k < withheld; k++) {
      int entry = unknowns.get(k);
      long value = truth[entry];
      boolean secondary = reasons[entry] == Reason.SECONDARY;
      if (!(secondary ? wide(low[k], high[k], stronger) : high[k] >= value + PROTECTION - 1e-6)) {
        widen(optimize(constraints, n, k, GoalType.MAXIMIZE), low, high);
      }
      if (!(secondary
          ? wide(low[k], high[k], stronger)
          : low[k] <= Math.max(0, value - PROTECTION) + 1e-6)) {
        widen(optimize(constraints, n, k, GoalType.MINIMIZE), low, high);
      }
      boolean safe =
          secondary
              ? wide(low[k], high[k], stronger)
              : high[k] >= value + PROTECTION - 1e-6
                  && low[k] <= Math.max(0, value - PROTECTION) + 1e-6;
      bounds.add(new Bound(entry, low[k], high[k], safe));
    }
    return List.copyOf(bounds);
  }

  /**
   * Whether an interval leaves a secondary entry undetermined: a unit wide, or (read as whole
   * numbers, the floor of the upper bound and the ceiling of the lower, with a tolerance for the
   * simplex's arithmetic) holding two whole numbers. A primary entry's test needs no rounding: its
   * value is whole, so an upper bound reaches value + 10 exactly when its floor does.
   */
  private static boolean wide(double low, double high, boolean integral) {
    if (integral) {
      return Math.floor(high + 1e-6) - Math.ceil(low - 1e-6) >= 1;
    }
    return high - low >= 1 - 1e-6;
  }

  /** What an attacker knows of a published entry. */
  private static double[] range(CountTable table, int entry, boolean rounded) {
    long shown = table.published(entry);
    if (!rounded) {
      long exact = table.trueValue(entry);
      return new double[] {exact, exact};
    }
    if (shown == 0) {
      return new double[] {0, 0}; // 1–9 would have been suppressed, so a published 0 is exact
    }
    double slack = (CountTable.ROUNDING_BASE - 1) / 2.0;
    return new double[] {Math.max(CountTable.THRESHOLD, shown - slack), shown + slack};
  }

  /** Takes a program's solution into the known intervals (NaN: nothing known of that entry). */
  private static void widen(double[] point, double[] low, double[] high) {
    for (int j = 0; j < point.length; j++) {
      if (!Double.isNaN(point[j])) {
        low[j] = Math.min(low[j], point[j]);
        high[j] = Math.max(high[j], point[j]);
      }
    }
  }

  /**
   * A solution of the program optimising one unknown; unbounded above is a point with that unknown
   * at infinity.
   */
  private static double[] optimize(
      List<LinearConstraint> constraints, int n, int variable, GoalType goal) {
    double[] objective = new double[n];
    objective[variable] = 1;
    try {
      PointValuePair solution =
          new SimplexSolver()
              .optimize(
                  new MaxIter(10_000),
                  new LinearObjectiveFunction(objective, 0),
                  new LinearConstraintSet(constraints),
                  goal,
                  new NonNegativeConstraint(true));
      return solution.getPoint();
    } catch (UnboundedSolutionException e) {
      double[] point = new double[n];
      Arrays.fill(point, Double.NaN);
      point[variable] = goal == GoalType.MAXIMIZE ? Double.POSITIVE_INFINITY : 0;
      return point;
    }
  }
}
