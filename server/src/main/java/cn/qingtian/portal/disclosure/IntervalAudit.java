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

/**
 * What an attacker can learn about each suppressed entry from what is published: the smallest and
 * largest value it can take, by linear programming over every line of the table (methods.md §2). A
 * published count is known only as its rounded value ± 2 (and at least 10 when it is not zero); a
 * suppressed one only as non-negative, because every withheld entry is published with the one
 * reason {@link Reason#WITHHELD} (a specific reason would say more: "fewer than 10" is 1–9, "a
 * whole group" is the row total, and a withheld entry may be 0, since a partner can be an empty
 * cell). What else is published about the table's rows, a mean or a median, enters as further
 * {@link Relation}s, so the audit covers it too (issue 21, findings 4 and 5).
 *
 * <p>A primary entry (fewer than 10 households, or a group all in one cell) is protected when the
 * attacker's interval reaches {@link #PROTECTION} households above its value and below it (or to
 * 0): so a small cell's upper bound is never below 10, and a rounded lone cell, known within a few
 * households, fails. A secondary entry must not be exactly disclosed.
 *
 * <p>The unknowns are the suppressed entries only; each line's published members enter as the
 * interval of their sum. This is exact without rounding; with rounding it ignores that a published
 * cell's rounding error is shared by its row and its column, which can only widen an interval by a
 * few households.
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
    List<Integer> unknowns = new ArrayList<>();
    int[] column = new int[table.size()];
    for (int entry = 0; entry < table.size(); entry++) {
      column[entry] = -1;
      if (table.isSuppressed(entry)) {
        column[entry] = unknowns.size();
        unknowns.add(entry);
      }
    }
    if (unknowns.isEmpty()) {
      return new Result(List.of());
    }
    int n = unknowns.size();
    List<Relation> relations = new ArrayList<>();
    table.lines().forEach(line -> relations.add(Relation.of(line)));
    relations.addAll(extra);
    List<LinearConstraint> constraints = new ArrayList<>();
    for (Relation relation : relations) {
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
        } else {
          double[] range = range(table, entry, rounded);
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
    // Every solution of a program is a point the attacker cannot rule out, so it widens every
    // entry's known interval at once; an entry whose interval is already wide enough needs no
    // program of its own. The true counts are the first such point.
    double[] low = new double[n];
    double[] high = new double[n];
    for (int k = 0; k < n; k++) {
      low[k] = table.trueValue(unknowns.get(k));
      high[k] = low[k];
    }
    List<Bound> bounds = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      int entry = unknowns.get(k);
      long value = table.trueValue(entry);
      boolean secondary = table.reason(entry) == Reason.SECONDARY;
      if (!(secondary ? high[k] - low[k] >= 1 - 1e-6 : high[k] >= value + PROTECTION - 1e-6)) {
        widen(optimize(constraints, n, k, GoalType.MAXIMIZE), low, high);
      }
      if (!(secondary
          ? high[k] - low[k] >= 1 - 1e-6
          : low[k] <= Math.max(0, value - PROTECTION) + 1e-6)) {
        widen(optimize(constraints, n, k, GoalType.MINIMIZE), low, high);
      }
      boolean safe =
          secondary
              ? high[k] - low[k] >= 1 - 1e-6
              : high[k] >= value + PROTECTION - 1e-6
                  && low[k] <= Math.max(0, value - PROTECTION) + 1e-6;
      bounds.add(new Bound(entry, low[k], high[k], safe));
    }
    return new Result(List.copyOf(bounds));
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
