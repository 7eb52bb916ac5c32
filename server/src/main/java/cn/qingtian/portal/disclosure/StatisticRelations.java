package cn.qingtian.portal.disclosure;

import java.util.ArrayList;
import java.util.List;

/**
 * What a published mean or median says about the bracket counts of its row, as linear relations for
 * the {@link IntervalAudit} (docs/disclosure-control.md, attack finding 5). With n_b households in
 * bracket b of a row, n in the row, the top-coding cap c, and incomes in [min(lower_b, c),
 * min(upper_b, c)] in bracket b:
 *
 * <ul>
 *   <li>a mean M (rounded to 100 yuan, so the true mean is within M ± 50): Σ n_b·min(lower_b, c) ≤
 *       (M + 50)·n and Σ n_b·min(upper_b, c) ≥ (M − 50)·n;
 *   <li>a median D (rounded to 1,000, so within D ± 500): at least half of the households are at or
 *       above D − 500 and at or below D + 500, so the brackets wholly below D − 500 hold at most
 *       n/2, and those wholly above D + 500 at most n/2.
 * </ul>
 *
 * The cap is the year's 99th percentile, which the auditor knows and an attacker can only estimate:
 * the audit assumes the attacker knows it, so it is at least as strong as any attacker. The rows
 * are the table's townships, and the county ({@code _T}) over the column totals.
 */
final class StatisticRelations {

  /** Incomes enter in units of 10,000 yuan, which keeps the simplex well scaled. */
  private static final double UNIT = 10_000;

  private StatisticRelations() {}

  /**
   * @param figures the published figures of the table's year (withheld ones are skipped)
   * @param cap the income every figure was top-coded at
   */
  static List<IntervalAudit.Relation> of(
      CountTable table, List<IncomeStatistics.Figure> figures, long cap) {
    List<IntervalAudit.Relation> relations = new ArrayList<>();
    for (IncomeStatistics.Figure figure : figures) {
      if (figure.value() == null) {
        continue;
      }
      int row = figure.row().equals("_T") ? -1 : table.rows().indexOf(figure.row());
      if (row < 0 && !figure.row().equals("_T")) {
        continue;
      }
      int columns = table.columns().size();
      int[] entries = new int[columns + 1];
      for (int b = 0; b < columns; b++) {
        entries[b] = row < 0 ? table.columnTotal(b) : table.cell(row, b);
      }
      entries[columns] = row < 0 ? table.grandTotal() : table.rowTotal(row);
      double[] lower = new double[columns + 1];
      double[] upper = new double[columns + 1];
      for (int b = 0; b < columns; b++) {
        IncomeBracket bracket = IncomeBracket.valueOf(table.columns().get(b));
        lower[b] = Math.min(bracket.from(), cap);
        upper[b] = Math.min(bracket.below(), cap);
      }
      long value = figure.value();
      if (figure.statistic().equals("MEAN")) {
        double[] below = new double[columns + 1];
        double[] above = new double[columns + 1];
        for (int b = 0; b < columns; b++) {
          below[b] = lower[b] / UNIT;
          above[b] = upper[b] / UNIT;
        }
        below[columns] = -(value + 50) / UNIT;
        above[columns] = -(value - 50) / UNIT;
        relations.add(new IntervalAudit.Relation(entries, below, Double.NEGATIVE_INFINITY, 0));
        relations.add(new IntervalAudit.Relation(entries, above, 0, Double.POSITIVE_INFINITY));
      } else if (figure.statistic().equals("MEDIAN")) {
        double[] whollyBelow = new double[columns + 1];
        double[] whollyAbove = new double[columns + 1];
        for (int b = 0; b < columns; b++) {
          whollyBelow[b] = upper[b] <= value - 500 ? 1 : 0;
          whollyAbove[b] = lower[b] > value + 500 ? 1 : 0;
        }
        whollyBelow[columns] = -0.5;
        whollyAbove[columns] = -0.5;
        relations.add(
            new IntervalAudit.Relation(entries, whollyBelow, Double.NEGATIVE_INFINITY, 0));
        relations.add(
            new IntervalAudit.Relation(entries, whollyAbove, Double.NEGATIVE_INFINITY, 0));
      }
    }
    return relations;
  }
}
