package cn.qingtian.portal.disclosure;

import java.util.ArrayList;
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
 * suppressed one only as non-negative.
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

  /** The bounds of one suppressed entry, and whether they protect it. */
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

  public static Result audit(CountTable table) {
    return audit(table, true);
  }

  /**
   * {@code rounded = false} audits as if published counts were exact (for tests of the LP alone).
   */
  static Result audit(CountTable table, boolean rounded) {
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
    List<LinearConstraint> constraints = new ArrayList<>();
    for (CountTable.Line line : table.lines()) {
      double[] coefficients = new double[n];
      boolean any = false;
      double knownLow = 0;
      double knownHigh = 0;
      for (int entry : line.all()) {
        double sign = entry == line.total() ? -1 : 1;
        if (column[entry] >= 0) {
          coefficients[column[entry]] = sign;
          any = true;
        } else {
          double[] range = range(table, entry, rounded);
          knownLow += sign > 0 ? range[0] : -range[1];
          knownHigh += sign > 0 ? range[1] : -range[0];
        }
      }
      if (any) {
        // unknown part + known part = 0
        constraints.add(new LinearConstraint(coefficients, Relationship.GEQ, -knownHigh));
        constraints.add(new LinearConstraint(coefficients, Relationship.LEQ, -knownLow));
      }
    }
    List<Bound> bounds = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      int entry = unknowns.get(k);
      double lower = optimize(constraints, n, k, GoalType.MINIMIZE);
      double upper = optimize(constraints, n, k, GoalType.MAXIMIZE);
      long value = table.trueValue(entry);
      boolean safe =
          table.reason(entry) == Reason.SECONDARY
              ? upper - lower >= 1 - 1e-6
              : upper >= value + PROTECTION - 1e-6
                  && lower <= Math.max(0, value - PROTECTION) + 1e-6;
      bounds.add(new Bound(entry, lower, upper, safe));
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

  private static double optimize(
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
      return solution.getValue();
    } catch (UnboundedSolutionException e) {
      return goal == GoalType.MAXIMIZE ? Double.POSITIVE_INFINITY : 0;
    }
  }
}
