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
 * Finding 5 of issue 21: published means and medians must not narrow withheld counts. For every
 * township (and the county) with a published mean M (rounded to 100 yuan) and median D (rounded to
 * 1,000), the attacker adds to the township table's linear program what they say of the bracket
 * counts n_b and the township count n: Σ n_b·lower_b ≤ (M + 50)·n, Σ n_b·upper_b ≥ (M − 50)·n when
 * no bracket is open-ended, at most half of the households in brackets wholly below D − 500, at
 * most half in brackets wholly above D + 500. No withheld cell may come out narrower than its
 * protection interval.
 */
@Tag("attack")
class MeansAndMediansCannotNarrowWithheldCountsAttackTest {

  private static final List<Integer> YEARS = List.of(2020, 2021, 2022, 2023, 2024);

  /** Incomes in the program are in units of 10,000 yuan, to keep the simplex well scaled. */
  private static final double UNIT = 10_000;

  @Test
  void publishedMeansAndMediansNarrowNoWithheldCount() {
    List<Household> households =
        MicrodataGenerator.generate(MicrodataGenerator.SEED, 2_000, 2020, YEARS.size());
    Disclosure.Result published = Disclosure.run(households, YEARS);

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
    Long median = figures.get("MEDIAN");
    if (median != null) {
      Map<String, Double> whollyBelow = new HashMap<>();
      Map<String, Double> whollyAbove = new HashMap<>();
      for (int b = 0; b < columns.size(); b++) {
        String cell = IncomeAttacker.key(row, columns.get(b));
        if (IncomeAttacker.UPPER[b] <= median - 500) {
          whollyBelow.put(cell, 1.0);
        }
        if (IncomeAttacker.LOWER[b] > median + 500) {
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
}
