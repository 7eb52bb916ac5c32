package cn.qingtian.portal.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.junit.jupiter.api.Test;

/** The DP option's noise has the distribution it claims, and its output is publishable counts. */
class DifferentialPrivacyTest {

  private static final int SAMPLES = 40_000;
  private static final int RANGE = 8;

  /** Counts of draws in bins −RANGE…RANGE, with the two tails in the first and last bin. */
  private static long[] histogram(DiscreteLaplace noise, long s, long t) {
    long[] bins = new long[2 * RANGE + 3];
    for (int i = 0; i < SAMPLES; i++) {
      long z = noise.sample(s, t);
      int bin = z < -RANGE ? 0 : z > RANGE ? bins.length - 1 : (int) z + RANGE + 1;
      bins[bin]++;
    }
    return bins;
  }

  /** Expected draws per bin for P(z) = (1 − α)/(1 + α) · α^|z|, α = e^(−ε). */
  private static double[] expected(double epsilon) {
    double alpha = Math.exp(-epsilon);
    double norm = (1 - alpha) / (1 + alpha);
    double[] expected = new double[2 * RANGE + 3];
    double tail = Math.pow(alpha, RANGE + 1) / (1 + alpha);
    expected[0] = tail * SAMPLES;
    expected[expected.length - 1] = tail * SAMPLES;
    for (int z = -RANGE; z <= RANGE; z++) {
      expected[z + RANGE + 1] = norm * Math.pow(alpha, Math.abs(z)) * SAMPLES;
    }
    return expected;
  }

  @Test
  void geometricNoisePassesAChiSquareTestAgainstItsClaimedDistributionAndFailsForAWrongEpsilon() {
    long[] observed = histogram(new DiscreteLaplace(new SplittableRandom(20251231L)), 1, 2);
    ChiSquareTest test = new ChiSquareTest();
    assertThat(test.chiSquareTest(expected(0.5), observed, 0.001))
        .as(
            "rejected at 0.1 %% against ε = 0.5, p = %s",
            test.chiSquareTest(expected(0.5), observed))
        .isFalse();
    assertThat(test.chiSquareTest(expected(0.6), observed, 0.001)).isTrue();
    assertThat(test.chiSquareTest(expected(0.4), observed, 0.001)).isTrue();
  }

  @Test
  void keyedNoiseIsTheSameForTheSameCellDiffersBetweenCellsAndHasTheClaimedDistribution() {
    KeyedNoise keyed = new KeyedNoise("thirty-two bytes of test secret!".getBytes());
    long[] observed = new long[2 * RANGE + 3];
    int same = 0;
    for (int i = 0; i < SAMPLES; i++) {
      String identity = "income_cells|TOWNSHIP|2024|T01|UNDER_10|rows " + i;
      long z = keyed.laplace(identity).sample(1, 2);
      same += keyed.laplace(identity).sample(1, 2) == z ? 1 : 0;
      observed[z < -RANGE ? 0 : z > RANGE ? observed.length - 1 : (int) z + RANGE + 1]++;
    }
    assertThat(same).as("the same identity draws the same noise").isEqualTo(SAMPLES);
    ChiSquareTest test = new ChiSquareTest();
    assertThat(test.chiSquareTest(expected(0.5), observed, 0.001)).isFalse();
    assertThat(test.chiSquareTest(expected(0.6), observed, 0.001)).isTrue();
    // Another secret, other noise: the draws are not a function of the identity alone.
    KeyedNoise other = new KeyedNoise("another thirty-two bytes secret!".getBytes());
    long differing =
        java.util.stream.IntStream.range(0, 1_000)
            .filter(
                i ->
                    keyed.laplace("cell " + i).sample(1, 2)
                        != other.laplace("cell " + i).sample(1, 2))
            .count();
    assertThat(differing).isGreaterThan(500);
  }

  @Test
  void theLedgerSpendsNothingForReusedNoiseAndEpsilonAgainWhereTheRowsChanged() {
    List<Household> households =
        MicrodataGenerator.generate(MicrodataGenerator.SEED, 1_500, 2021, 2);
    DifferentialPrivacy dp =
        new DifferentialPrivacy(
            new KeyedNoise("thirty-two bytes of test secret!".getBytes()), 1, 2);
    Disclosure.Result first =
        Disclosure.runDifferentiallyPrivate(households, List.of(2021, 2022), dp);
    java.util.Map<String, Disclosure.Ledger> ledger = new java.util.HashMap<>();
    first
        .reports()
        .forEach(
            r ->
                ledger.put(
                    r.year() + " " + r.table(),
                    new Disclosure.Ledger(r.noise(), r.epsilonToDate())));
    Disclosure.Result again =
        Disclosure.runDifferentiallyPrivate(households, List.of(2021, 2022), dp, ledger);
    assertThat(again.cells()).isEqualTo(first.cells());
    assertThat(again.reports()).allSatisfy(r -> assertThat(r.epsilon()).isZero());
    assertThat(again.reports()).allSatisfy(r -> assertThat(r.epsilonToDate()).isEqualTo(0.5));

    // One household of 2022 earns more: the 2022 tables it is in are drawn again, 2021 is not.
    List<Household> changed = new java.util.ArrayList<>(households);
    Household h = changed.stream().filter(x -> x.year() == 2022).findFirst().orElseThrow();
    changed.set(
        changed.indexOf(h),
        new Household(
            h.id(),
            h.township(),
            h.year(),
            h.size(),
            h.urban(),
            h.income() + 500_000,
            h.lowIncomeFarm(),
            h.dibao(),
            h.qiaojuan()));
    Disclosure.Result revised =
        Disclosure.runDifferentiallyPrivate(changed, List.of(2021, 2022), dp, ledger);
    assertThat(revised.reports())
        .filteredOn(r -> r.year() == 2021)
        .allSatisfy(r -> assertThat(r.epsilon()).isZero());
    assertThat(revised.reports())
        .filteredOn(r -> r.year() == 2022 && r.table().equals("TOWNSHIP"))
        .singleElement()
        .satisfies(r -> assertThat(r.epsilonToDate()).isEqualTo(1.0));
    assertThat(revised.cells())
        .filteredOn(c -> c.year() == 2021)
        .isEqualTo(first.cells().stream().filter(c -> c.year() == 2021).toList());
  }

  @Test
  void theDifferentialPrivacyModePublishesEveryCellWithMarginsThatAddUpAndRecordsTheBudget() {
    List<Household> households =
        MicrodataGenerator.generate(MicrodataGenerator.SEED, 1_500, 2021, 2);
    DifferentialPrivacy dp =
        new DifferentialPrivacy(new DiscreteLaplace(new SplittableRandom(11)), 1, 2);
    Disclosure.Result result =
        Disclosure.runDifferentiallyPrivate(households, List.of(2021, 2022), dp);
    assertThat(result.cells()).allSatisfy(c -> assertThat(c.count()).isNotNull().isNotNegative());
    assertThat(result.cells()).allSatisfy(c -> assertThat(c.reason()).isNull());
    // five tables and the township means per year, ε = 0.5 each
    assertThat(result.reports())
        .hasSize(12)
        .allSatisfy(r -> assertThat(r.epsilon()).isEqualTo(0.5));
    assertThat(result.statistics())
        .hasSize(2 * 33)
        .allSatisfy(f -> assertThat(f.value()).isNotNull().isNotNegative());
    for (int year = 2021; year <= 2022; year++) {
      int y = year;
      long cells =
          result.cells().stream()
              .filter(c -> c.year() == y && c.table().equals("TOWNSHIP"))
              .filter(c -> !c.row().equals("_T") && !c.column().equals("_T"))
              .mapToLong(Disclosure.Cell::count)
              .sum();
      long total =
          result.cells().stream()
              .filter(c -> c.year() == y && c.table().equals("TOWNSHIP"))
              .filter(c -> c.row().equals("_T") && c.column().equals("_T"))
              .findFirst()
              .orElseThrow()
              .count();
      assertThat(total).isEqualTo(cells);
    }
  }

  @Test
  void theNoiseIsSymmetricAndCentred() {
    DiscreteLaplace noise = new DiscreteLaplace(new SplittableRandom(7));
    double mean = 0;
    for (int i = 0; i < SAMPLES; i++) {
      mean += noise.sample(1, 1);
    }
    assertThat(Math.abs(mean / SAMPLES)).isLessThan(0.05);
  }

  @Test
  void publishedHistogramsAreNonNegativeIntegersThatAddUpToTheNoisyTotal() {
    DifferentialPrivacy dp =
        new DifferentialPrivacy(new DiscreteLaplace(new SplittableRandom(3)), 1, 2);
    long[] cells = {0, 1, 3, 250, 40, 0, 7};
    for (int run = 0; run < 200; run++) {
      long[] noisy = dp.noisy(cells);
      long[] published = DifferentialPrivacy.postProcess(noisy);
      assertThat(Arrays.stream(published).min().orElse(0)).isGreaterThanOrEqualTo(0);
      assertThat(Arrays.stream(published).sum()).isEqualTo(Math.max(0, Arrays.stream(noisy).sum()));
    }
    assertThat(DifferentialPrivacy.postProcess(new long[] {-3, -1, 2})).containsExactly(0, 0, 0);
    assertThat(DifferentialPrivacy.postProcess(new long[] {-2, 5, 5})).containsExactly(0, 4, 4);
  }
}
