package cn.qingtian.portal.attack;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qingtian.portal.disclosure.Disclosure;
import cn.qingtian.portal.disclosure.Household;
import cn.qingtian.portal.disclosure.IncomeStatistics;
import cn.qingtian.portal.disclosure.MicrodataGenerator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Attack finding 5 (docs/disclosure-control.md): published means and medians must not narrow
 * withheld counts. For every township (and the county) with a published mean M (rounded to 100
 * yuan) and median D (rounded to 1,000), the attacker adds to the township table's linear program
 * what they say of the bracket counts n_b and the township count n: Σ n_b·lower_b ≤ (M + 50)·n, Σ
 * n_b·upper_b ≥ (M − 50)·n when no bracket is open-ended, at most half of the households in
 * brackets wholly below D − 500, at most half in brackets wholly above D + 500. No withheld cell
 * may come out narrower than its protection interval.
 *
 * <p>The second test is the outside reviewer's stronger attacker of the second round
 * (docs/reliability.md, second-round finding C: the cap, the TOWNSHIP and AREA tables together,
 * whole-number bounds, and each published count one unknown shared by its relations). On the audit
 * before the second round it narrowed 6 of 592 withheld entries (2021 T08 and 2024 T08, T11 {@code
 * FROM_60}; 2023 T09, T13 and 2024 T13 {@code FROM_50_TO_60}; each 1 household pinned to [0, 10]);
 * the shared published counts alone do it.
 */
@Tag("attack")
class MeansAndMediansCannotNarrowWithheldCountsAttackTest {

  private static final List<Integer> YEARS = List.of(2020, 2021, 2022, 2023, 2024);

  /** Incomes in the program are in units of 10,000 yuan, to keep the simplex well scaled. */
  private static final double UNIT = 10_000;

  private static final List<Household> HOUSEHOLDS =
      MicrodataGenerator.generate(MicrodataGenerator.SEED, 2_000, 2020, YEARS.size());

  /** The disclosure step's output, timed once for both attacks. */
  private static final Disclosure.Result PUBLISHED;

  static {
    long start = System.nanoTime();
    PUBLISHED = Disclosure.run(HOUSEHOLDS, YEARS);
    System.out.printf(
        "disclosure step (tables, audit, figures) for %d years: %d ms%n",
        YEARS.size(), (System.nanoTime() - start) / 1_000_000);
  }

  @Test
  void publishedMeansAndMediansNarrowNoWithheldCount() {
    List<Household> households = HOUSEHOLDS;
    Disclosure.Result published = PUBLISHED;

    IncomeAttacker.Outcome total = IncomeAttacker.NOTHING;
    for (int year : YEARS) {
      IncomeAttacker attacker = new IncomeAttacker(published.cells(), year, "TOWNSHIP");
      Map<String, Map<String, Long>> figures = new HashMap<>();
      for (IncomeStatistics.Figure figure : published.statistics()) {
        if (figure.year() == year && figure.value() != null) {
          figures
              .computeIfAbsent(figure.row(), r -> new HashMap<>())
              .put(figure.statistic(), figure.value());
        }
      }
      figures.forEach((row, byStatistic) -> constrain(attacker, row, byStatistic));
      total =
          total.plus(
              attacker.judge(
                  "TOWNSHIP " + year, IncomeAttacker.truth(households, year, "TOWNSHIP")));
    }
    long shown = published.statistics().stream().filter(f -> f.value() != null).count();
    System.out.println(
        "means and medians attack: %s; figures published %d of %d"
            .formatted(total, shown, published.statistics().size()));
    assertThat(total.narrowed())
        .as(
            "withheld township cells narrowed below their protection interval by published means"
                + " and medians (%d of %d withheld; %d exact): %s",
            total.narrowed(), total.withheld(), total.exact(), total.examples())
        .isZero();
  }

  /**
   * The outside reviewer's stronger attacker (docs/reliability.md, second-round finding C). Beyond
   * the attack above it knows the top-coding cap c (the year's 99th percentile), so every
   * household's contribution to a mean lies in [min(lower_b, c), min(upper_b, c)] for its bracket,
   * the top bracket included (both mean inequalities always hold, and the top bracket's incomes are
   * at least min(600,000, c)); it takes the published mean as exact ± 50 and the median ± 500
   * (their rounding); it solves the TOWNSHIP and AREA tables of a year jointly, since they share
   * the bracket totals and the grand total; and it rounds its bounds to whole households (an upper
   * bound down, a lower bound up).
   */
  @Test
  void aStrongerAttackerWithTheCapJointTablesAndWholeCountsNarrowsNoWithheldCount() {
    long start = System.nanoTime();
    IncomeAttacker.Outcome total = IncomeAttacker.NOTHING;
    for (int year : YEARS) {
      IncomeAttacker attacker =
          new IncomeAttacker(PUBLISHED.cells(), year, List.of("TOWNSHIP", "AREA"), true);
      long cap = IncomeStatistics.cap(HOUSEHOLDS, year);
      Map<String, Map<String, Long>> figures = new HashMap<>();
      for (IncomeStatistics.Figure figure : PUBLISHED.statistics()) {
        if (figure.year() == year && figure.value() != null) {
          figures
              .computeIfAbsent(figure.row(), r -> new HashMap<>())
              .put(figure.statistic(), figure.value());
        }
      }
      figures.forEach(
          (row, byStatistic) -> constrainKnowingTheCap(attacker, row, byStatistic, cap));
      Map<String, Long> truth = new HashMap<>(IncomeAttacker.truth(HOUSEHOLDS, year, "TOWNSHIP"));
      truth.putAll(IncomeAttacker.truth(HOUSEHOLDS, year, "AREA"));
      total = total.plus(attacker.judge("TOWNSHIP+AREA " + year, truth, true));
    }
    long shown = PUBLISHED.statistics().stream().filter(f -> f.value() != null).count();
    System.out.println(
        "stronger means and medians attack: %s; figures published %d of %d; attack %d ms"
            .formatted(
                total,
                shown,
                PUBLISHED.statistics().size(),
                (System.nanoTime() - start) / 1_000_000));
    assertThat(total.narrowed())
        .as(
            "withheld TOWNSHIP and AREA entries narrowed below their protection interval by the"
                + " stronger attacker (%d of %d withheld; %d exact): %s",
            total.narrowed(), total.withheld(), total.exact(), total.examples())
        .isZero();
  }

  /** What a mean and a median say of a row's brackets to an attacker who knows the cap. */
  private static void constrainKnowingTheCap(
      IncomeAttacker attacker, String row, Map<String, Long> figures, long cap) {
    String count = IncomeAttacker.key(row, IncomeAttacker.TOTAL);
    List<String> columns = attacker.columns();
    double[] lower = new double[columns.size()];
    double[] upper = new double[columns.size()];
    for (int b = 0; b < columns.size(); b++) {
      lower[b] = Math.min(IncomeAttacker.LOWER[b], cap);
      upper[b] = Math.min(IncomeAttacker.UPPER[b], cap);
    }
    Long mean = figures.get("MEAN");
    if (mean != null) {
      Map<String, Double> below = new HashMap<>();
      Map<String, Double> above = new HashMap<>();
      for (int b = 0; b < columns.size(); b++) {
        String cell = IncomeAttacker.key(row, columns.get(b));
        below.put(cell, lower[b] / UNIT);
        above.put(cell, upper[b] / UNIT);
      }
      below.put(count, -(mean + 50) / UNIT);
      above.put(count, -(mean - 50) / UNIT);
      attacker.relation(below, Double.NEGATIVE_INFINITY, 0);
      attacker.relation(above, 0, Double.POSITIVE_INFINITY);
    }
    constrainByMedian(attacker, row, figures.get("MEDIAN"), lower, upper);
  }

  private static void constrain(IncomeAttacker attacker, String row, Map<String, Long> figures) {
    String count = IncomeAttacker.key(row, IncomeAttacker.TOTAL);
    List<String> columns = attacker.columns();
    Long mean = figures.get("MEAN");
    if (mean != null) {
      Map<String, Double> below = new HashMap<>();
      Map<String, Double> above = new HashMap<>();
      boolean bounded = true;
      for (int b = 0; b < columns.size(); b++) {
        String cell = IncomeAttacker.key(row, columns.get(b));
        below.put(cell, IncomeAttacker.LOWER[b] / UNIT);
        if (IncomeAttacker.UPPER[b] == Long.MAX_VALUE) {
          Disclosure.Cell shown = attacker.published().get(cell);
          bounded = shown != null && shown.count() != null && shown.count() == 0;
        } else {
          above.put(cell, IncomeAttacker.UPPER[b] / UNIT);
        }
      }
      below.put(count, -(mean + 50) / UNIT);
      attacker.relation(below, Double.NEGATIVE_INFINITY, 0);
      if (bounded) {
        above.put(count, -(mean - 50) / UNIT);
        attacker.relation(above, 0, Double.POSITIVE_INFINITY);
      }
    }
    double[] lower = new double[columns.size()];
    double[] upper = new double[columns.size()];
    for (int b = 0; b < columns.size(); b++) {
      lower[b] = IncomeAttacker.LOWER[b];
      upper[b] = IncomeAttacker.UPPER[b];
    }
    constrainByMedian(attacker, row, figures.get("MEDIAN"), lower, upper);
  }

  /**
   * A median (± 500 for its rounding) says at most half the row lies in the brackets wholly below
   * it, and at most half in those wholly above.
   */
  private static void constrainByMedian(
      IncomeAttacker attacker, String row, Long median, double[] lower, double[] upper) {
    if (median == null) {
      return;
    }
    String count = IncomeAttacker.key(row, IncomeAttacker.TOTAL);
    List<String> columns = attacker.columns();
    Map<String, Double> whollyBelow = new HashMap<>();
    Map<String, Double> whollyAbove = new HashMap<>();
    for (int b = 0; b < columns.size(); b++) {
      String cell = IncomeAttacker.key(row, columns.get(b));
      if (upper[b] <= median - 500) {
        whollyBelow.put(cell, 1.0);
      }
      if (lower[b] > median + 500) {
        whollyAbove.put(cell, 1.0);
      }
    }
    for (Map<String, Double> side : List.of(whollyBelow, whollyAbove)) {
      if (!side.isEmpty()) {
        side.put(count, -0.5);
        attacker.relation(side, Double.NEGATIVE_INFINITY, 0);
      }
    }
  }
}
