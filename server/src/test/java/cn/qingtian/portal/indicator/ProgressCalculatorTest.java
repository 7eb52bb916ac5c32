package cn.qingtian.portal.indicator;

import static cn.qingtian.portal.indicator.ProgressStatus.DETERIORATION;
import static cn.qingtian.portal.indicator.ProgressStatus.INSUFFICIENT_DATA;
import static cn.qingtian.portal.indicator.ProgressStatus.LIMITED;
import static cn.qingtian.portal.indicator.ProgressStatus.MODERATE;
import static cn.qingtian.portal.indicator.ProgressStatus.NOT_ACHIEVED;
import static cn.qingtian.portal.indicator.ProgressStatus.NOT_ASSESSABLE;
import static cn.qingtian.portal.indicator.ProgressStatus.ON_TRACK;
import static cn.qingtian.portal.indicator.ProgressStatus.TARGET_ACHIEVED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.qingtian.portal.api.LocalizedText;
import cn.qingtian.portal.plan.Target;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Worked examples of every rule in docs/methodology.md, at and around every threshold. */
class ProgressCalculatorTest {

  private final ProgressCalculator calculator = new ProgressCalculator(2021);

  @Nested
  class Levels {

    // 居民人均可支配收入 ≥ 58,000 元 by 2025, base 2020 = 40,000 元:
    // CAGR required = (58000 / 40000)^(1/5) - 1 = 7.7144 %.
    private final Target income = target("LEVEL", "GE", 58000.0);
    private final double required = Math.pow(58000.0 / 40000, 0.2) - 1;

    @Test
    void aWorkedExampleOnTrack() {
      // 2023 = 49,900 元: CAGR observed = (49900 / 40000)^(1/3) - 1 = 7.6499 %; R = 0.9916.
      Progress progress = assess(income, obs(2020, 40000), obs(2023, 49900));
      assertThat(required).isCloseTo(0.077144, within(1e-6));
      assertThat(progress.observedRate()).isCloseTo(0.076499, within(1e-6));
      assertThat(progress.ratio()).isCloseTo(0.9916, within(1e-4));
      assertThat(progress.status()).isEqualTo(ON_TRACK);
      // Still needed from 49,900 in 2023 to 58,000 in 2025: (58000 / 49900)^(1/2) - 1 = 7.8112 %.
      assertThat(progress.requiredRate()).isCloseTo(0.078112, within(1e-6));
      // Projected 2025 value at the observed rate: 49,900 × 1.076499^2 = 57,826.6.
      assertThat(progress.projectedValue()).isCloseTo(57826.6, within(0.1));
      assertThat(progress.targetPath()).hasSize(6);
      assertThat(progress.targetPath().get(5).value()).isCloseTo(58000, within(1e-6));
      assertThat(progress.summaryText().zh())
          .isEqualTo("2023年为49,900元，为2025年目标58,000元的86.0%，还需年均增长7.8%；按目前速度2025年预计为57,826.59元。");
    }

    @Test
    void readsTheStatusOffRatioThresholds() {
      assertThat(withRatio(0.95 + 1e-9)).isEqualTo(ON_TRACK);
      assertThat(withRatio(0.9499)).isEqualTo(MODERATE);
      assertThat(withRatio(0.60 + 1e-9)).isEqualTo(MODERATE);
      assertThat(withRatio(0.5999)).isEqualTo(LIMITED);
      assertThat(withRatio(1e-9)).isEqualTo(LIMITED);
      assertThat(withRatio(-0.0001)).isEqualTo(DETERIORATION);
    }

    private ProgressStatus withRatio(double ratio) {
      double latest = 40000 * Math.pow(1 + ratio * required, 3);
      Progress progress = assess(income, obs(2020, 40000), obs(2023, latest));
      assertThat(progress.ratio()).isCloseTo(ratio, within(1e-6));
      return progress.status();
    }

    @Test
    void aLevelReachedEarlyIsAchieved() {
      assertThat(assess(income, obs(2020, 40000), obs(2024, 58500)).status())
          .isEqualTo(TARGET_ACHIEVED);
    }

    @Test
    void theTargetYearGivesTheFinalEvaluation() {
      assertThat(assess(income, obs(2020, 40000), obs(2025, 57999)).status())
          .isEqualTo(NOT_ACHIEVED);
      assertThat(assess(income, obs(2020, 40000), obs(2025, 58000)).status())
          .isEqualTo(TARGET_ACHIEVED);
    }

    @Test
    void aCeilingMetBeforeTheTargetYearMustStillHold() {
      // 城镇登记失业率 ≤ 3.5 %: 4.2 % in 2020, 3.4 % in 2023.
      Target ceiling = target("CEILING", "LE", 3.5);
      assertThat(assess(ceiling, obs(2020, 4.2), obs(2023, 3.4)).status()).isEqualTo(ON_TRACK);
      assertThat(assess(ceiling, obs(2020, 4.2), obs(2025, 3.6)).status()).isEqualTo(NOT_ACHIEVED);
      // Falling from 4.2 % toward 3.5 %: required CAGR = (3.5 / 4.2)^(1/5) - 1 = -3.58 %; an
      // observed -1.0 % a year gives R = -(-0.0100) / 0.0358 = 0.28: limited progress.
      Progress falling = assess(ceiling, obs(2020, 4.2), obs(2023, 4.2 * Math.pow(0.99, 3)));
      assertThat(falling.ratio()).isCloseTo(0.2793, within(1e-3));
      assertThat(falling.status()).isEqualTo(LIMITED);
      assertThat(assess(ceiling, obs(2020, 4.2), obs(2023, 4.5)).status()).isEqualTo(DETERIORATION);
    }

    @Test
    void oneObservationIsInsufficientWithAReason() {
      Progress progress = assess(income, obs(2023, 50000));
      assertThat(progress.status()).isEqualTo(INSUFFICIENT_DATA);
      assertThat(progress.reasonText().en())
          .isEqualTo("only 1 whole-year observation(s); 2 needed");
      assertThat(assess(income).reasonText().en()).isEqualTo("no whole-year observation");
    }

    @Test
    void partialYearPeriodsNeverEnterAnAnnualRate() {
      // January–September 2024 is not the year 2024: only 2020 and 2023 count.
      Progress progress =
          assess(income, obs(2020, 40000), obs(2023, 49900), obs("2024-01-01/P9M", 38000));
      assertThat(progress.latest().period().code()).isEqualTo("2023");
      assertThat(progress.observedRate()).isCloseTo(0.076499, within(1e-6));
      assertThat(assess(income, obs(2020, 40000), obs("2021-01-01/P9M", 31000)).status())
          .isEqualTo(INSUFFICIENT_DATA);
    }

    @Test
    void baseIsTheYearBeforeThePlanOrTheFirstObservationAfterIt() {
      Progress progress = assess(income, obs(2018, 30000), obs(2020, 40000), obs(2023, 49900));
      assertThat(progress.baseline().year()).isEqualTo(2020);
      assertThat(assess(income, obs(2022, 45000), obs(2023, 49000)).baseline().year())
          .isEqualTo(2022);
    }
  }

  @Nested
  class GrowthRates {

    // 低收入农户收入年均增长 15 %.
    private final Target growth = target("GROWTH_RATE", "GE", 15.0);

    @Test
    void comparesTheObservedAverageGrowthWithTheRequiredOne() {
      // 10,000 → 15,208.75 (= 10,000 × 1.15^3) in 2023: 15 % a year, R = 1.
      Progress onTrack = assess(growth, obs(2020, 10000), obs(2023, 15208.75));
      assertThat(onTrack.ratio()).isCloseTo(1.0, within(1e-6));
      assertThat(onTrack.status()).isEqualTo(ON_TRACK);
      // 9.0 % a year: R = 0.6 — moderate at the threshold, limited just below.
      assertThat(assess(growth, obs(2020, 10000), obs(2023, 10000 * Math.pow(1.0901, 3))).status())
          .isEqualTo(MODERATE);
      assertThat(assess(growth, obs(2020, 10000), obs(2023, 10000 * Math.pow(1.0899, 3))).status())
          .isEqualTo(LIMITED);
      assertThat(assess(growth, obs(2020, 10000), obs(2023, 9500)).status())
          .isEqualTo(DETERIORATION);
    }

    @Test
    void theTargetYearJudgesTheWholePeriod() {
      assertThat(assess(growth, obs(2020, 10000), obs(2025, 10000 * Math.pow(1.15, 5))).status())
          .isEqualTo(TARGET_ACHIEVED);
      assertThat(assess(growth, obs(2020, 10000), obs(2025, 10000 * Math.pow(1.14, 5))).status())
          .isEqualTo(NOT_ACHIEVED);
    }
  }

  @Nested
  class Counts {

    @Test
    void aCumulativeCountIsJudgedAgainstItsLinearPath() {
      // 城镇新增就业 1.5 万人 over 2021–2025: 3,000 a year needed. 2020 lies before the period.
      Target jobs = cumulative(15000.0);
      Progress onTrack =
          assess(jobs, count(2020, 9999), count(2021, 3100), count(2022, 3000), count(2023, 2900));
      assertThat(onTrack.ratio()).isCloseTo(1.0, within(1e-9));
      assertThat(onTrack.status()).isEqualTo(ON_TRACK);
      assertThat(onTrack.requiredRate()).isCloseTo(3000, within(1e-9)); // (15000 - 9000) / 2 years
      assertThat(onTrack.projectedValue()).isCloseTo(15000, within(1e-9));
      assertThat(onTrack.summaryText().en())
          .isEqualTo(
              "By 2023: 9,000 persons in total, 60.0% of the target of 15,000 persons; 3,000 persons a year still needed.");
      // 1,750 a year on average: R = 1750 / 3000 = 0.583, limited.
      assertThat(assess(jobs, obs(2021, 2000), obs(2022, 1500)).status()).isEqualTo(LIMITED);
      assertThat(assess(jobs, obs(2021, 8000), obs(2022, 7000)).status())
          .isEqualTo(TARGET_ACHIEVED);
      assertThat(assess(jobs, obs(2021, 2000), obs(2025, 2000)).status()).isEqualTo(NOT_ACHIEVED);
    }

    @Test
    void aYearWithoutACountStillCountsAsAYearGone() {
      // 新建技能大师工作室 25 over 2021–2025, 5 a year needed; nothing reported for 2022.
      Target studios = cumulative(25.0);
      Progress gap = assess(studios, count(2021, 6), count(2023, 6));
      assertThat(gap.ratio()).isCloseTo(0.8, within(1e-9)); // 12 over 3 years, not over 2
      assertThat(gap.status()).isEqualTo(MODERATE);
    }

    @Test
    void anAnnualCountMustBeMetEveryYear() {
      // 每年组织职业技能培训 5000 人次以上.
      Target training = target("ANNUAL_COUNT", "GE", 5000.0);
      assertThat(assess(training, obs(2021, 5200), obs(2022, 5100)).status()).isEqualTo(ON_TRACK);
      assertThat(assess(training, obs(2021, 5200), obs(2022, 4000)).status())
          .isEqualTo(DETERIORATION);
      assertThat(assess(training, obs(2021, 4000), obs(2022, 4100)).status()).isEqualTo(MODERATE);
      assertThat(assess(training, obs(2021, 2000), obs(2022, 2900)).status()).isEqualTo(LIMITED);
      assertThat(
              assess(
                      training,
                      obs(2021, 5000),
                      obs(2022, 5001),
                      obs(2023, 5200),
                      obs(2024, 6000),
                      obs(2025, 5500))
                  .status())
          .isEqualTo(TARGET_ACHIEVED);
      assertThat(assess(training, obs(2021, 4999), obs(2025, 6000)).status())
          .isEqualTo(NOT_ACHIEVED);
    }

    @Test
    void aDynamicZeroMustReachZero() {
      // 零就业家庭动态清零: 40 families in 2020.
      Target zero = target("DYNAMIC_ZERO", "EQ", 0.0);
      assertThat(assess(zero, obs(2020, 40), obs(2023, 0)).status()).isEqualTo(ON_TRACK);
      assertThat(assess(zero, obs(2020, 40), obs(2025, 0)).status()).isEqualTo(TARGET_ACHIEVED);
      // 40 → 10: R = (40 - 10) / 40 = 0.75, moderate.
      assertThat(assess(zero, obs(2020, 40), obs(2023, 10)).ratio()).isEqualTo(0.75);
      assertThat(assess(zero, obs(2020, 40), obs(2023, 10)).status()).isEqualTo(MODERATE);
      assertThat(assess(zero, obs(2020, 40), obs(2023, 50)).status()).isEqualTo(DETERIORATION);
      assertThat(assess(zero, obs(2020, 40), obs(2025, 5)).status()).isEqualTo(NOT_ACHIEVED);
    }
  }

  @Nested
  class QualitativeTargets {

    @Test
    void aMilestoneIsAchievedOnceReached() {
      Target city = target("MILESTONE", "ACHIEVE", null);
      assertThat(assess(city, obs(2021, 0), obs(2022, 1)).status()).isEqualTo(TARGET_ACHIEVED);
      assertThat(assess(city, obs(2021, 0), obs(2023, 0)).status()).isEqualTo(LIMITED);
      assertThat(assess(city, obs(2025, 0)).status()).isEqualTo(NOT_ACHIEVED);
      assertThat(assess(city).status()).isEqualTo(INSUFFICIENT_DATA);
    }

    @Test
    void aDirectionUsesTheOpenSdgThresholdsWithoutATarget() {
      // 财产性收入占比稳步提升: 10 % → 10.5 % in two years = 2.47 % a year ≥ 1.5 % × C.
      Target rise = target("DIRECTION", "INCREASE", null);
      assertThat(assess(rise, pct(2020, 10), pct(2022, 10.5)).status()).isEqualTo(ON_TRACK);
      // 10 % → 10.15 %: 0.75 % a year, between 0.5 % and 1.5 %.
      assertThat(assess(rise, pct(2020, 10), pct(2022, 10.15)).status()).isEqualTo(MODERATE);
      assertThat(assess(rise, pct(2020, 10), pct(2022, 10.05)).status()).isEqualTo(LIMITED);
      assertThat(assess(rise, pct(2020, 10), pct(2022, 9.9)).status()).isEqualTo(DETERIORATION);
      // 个人卫生支出占比逐步下降: 30 % → 29.8 % = -0.33 % a year, below 0.5 % × C (C = 0.9952).
      Target fall = target("DIRECTION", "DECREASE", null);
      assertThat(assess(fall, pct(2020, 30), pct(2022, 29.8)).status()).isEqualTo(LIMITED);
      assertThat(ProgressCalculator.limitCorrection(30, 100)).isCloseTo(0.99523, within(1e-5));
      assertThat(assess(fall, pct(2020, 30), pct(2025, 29.8)).status()).isEqualTo(TARGET_ACHIEVED);
    }

    @Test
    void aRelationalTargetComparesGrowthWithTheRelatedIndicator() {
      // 低保标准增幅不低于人均可支配收入增幅: both 5 % a year → on track.
      Target allowance = relational("GE");
      List<Observation> income = List.of(obs(2020, 40000), obs(2023, 40000 * Math.pow(1.05, 3)));
      assertThat(
              calculator
                  .assess(
                      allowance,
                      List.of(obs(2020, 10000), obs(2023, 10000 * Math.pow(1.05, 3))),
                      income)
                  .status())
          .isEqualTo(ON_TRACK);
      // 4 % against 5 %: R = 0.8, moderate.
      Progress slower =
          calculator.assess(
              allowance, List.of(obs(2020, 10000), obs(2023, 10000 * Math.pow(1.04, 3))), income);
      assertThat(slower.ratio()).isCloseTo(0.8, within(1e-9));
      assertThat(slower.status()).isEqualTo(MODERATE);
      // 劳动报酬与劳动生产率提高基本同步: within one percentage point.
      Target inStep = relational("EQ");
      assertThat(
              calculator
                  .assess(
                      inStep, List.of(obs(2020, 100), obs(2023, 100 * Math.pow(1.055, 3))), income)
                  .status())
          .isEqualTo(ON_TRACK);
      assertThat(
              calculator
                  .assess(
                      inStep, List.of(obs(2020, 100), obs(2023, 100 * Math.pow(1.035, 3))), income)
                  .status())
          .isEqualTo(MODERATE);
      assertThat(calculator.assess(inStep, List.of(obs(2020, 100)), income).status())
          .isEqualTo(INSUFFICIENT_DATA);
    }

    @Test
    void aTargetWithoutAMeasurableDefinitionIsNotAssessableWithItsReason() {
      Target doubling =
          new Target(
              "DOUBLING",
              "X",
              2,
              "GROWTH_RATE",
              "GE",
              100.0,
              null,
              null,
              2025,
              null,
              LocalizedText.of("收入倍增", null),
              LocalizedText.of("文件未规定基期", "no base year"));
      Progress progress = assess(doubling, obs(2020, 1), obs(2023, 2));
      assertThat(progress.status()).isEqualTo(NOT_ASSESSABLE);
      assertThat(progress.reasonText().en()).isEqualTo("no base year");
    }
  }

  @Test
  void aStatusComputedFromDemoValuesIsDemo() {
    Target income = target("LEVEL", "GE", 58000.0);
    assertThat(assess(income, obs(2020, 40000), obs(2023, 49900)).provenance())
        .isEqualTo(Provenance.OFFICIAL);
    Progress mixed =
        calculator.assess(
            income,
            List.of(
                new Observation(
                    "X",
                    "331121",
                    Period.parse("2020"),
                    "_T",
                    40000,
                    "元",
                    "FINAL",
                    Provenance.DEMO,
                    "DEMO",
                    null,
                    null),
                obs(2023, 49900)),
            List.of());
    assertThat(mixed.provenance()).isEqualTo(Provenance.DEMO);
  }

  @Test
  void aSummaryWrittenFromDemoValuesSaysSoInTheSameSentence() {
    Target income = target("LEVEL", "GE", 58000.0);
    Observation demo2020 =
        new Observation(
            "X",
            "331121",
            Period.parse("2020"),
            "_T",
            40000,
            "元",
            "FINAL",
            Provenance.DEMO,
            "DEMO",
            null,
            null);
    Progress progress = calculator.assess(income, List.of(demo2020, obs(2023, 49900)), List.of());
    assertThat(progress.summaryText().zh()).startsWith("演示数据（DEMO）：2023年为49,900元");
    assertThat(progress.summaryText().en()).startsWith("DEMO data (synthetic): 2023: 49,900 yuan");
    assertThat(assess(income, obs(2020, 40000), obs(2023, 49900)).summaryText().zh())
        .doesNotContain("DEMO");
  }

  @Test
  void theHeadlineStatusIsTheLeastFavourableJudgedOne() {
    assertThat(
            ProgressStatus.leastFavourable(List.of(TARGET_ACHIEVED, MODERATE, INSUFFICIENT_DATA)))
        .isEqualTo(MODERATE);
    assertThat(ProgressStatus.leastFavourable(List.of(ON_TRACK, NOT_ACHIEVED)))
        .isEqualTo(NOT_ACHIEVED);
    assertThat(ProgressStatus.leastFavourable(List.of(INSUFFICIENT_DATA, NOT_ASSESSABLE)))
        .isEqualTo(INSUFFICIENT_DATA);
  }

  private Progress assess(Target target, Observation... observations) {
    return calculator.assess(target, List.of(observations), List.of());
  }

  private static Target target(String kind, String comparator, @Nullable Double value) {
    return new Target(
        "T",
        "X",
        1,
        kind,
        comparator,
        value,
        LocalizedText.of("元", "yuan"),
        null,
        2025,
        null,
        LocalizedText.of("目标", "target"),
        null);
  }

  private static Target cumulative(double value) {
    return new Target(
        "T",
        "X",
        1,
        "CUMULATIVE_COUNT",
        "GE",
        value,
        LocalizedText.of("人", "persons"),
        2021,
        2025,
        null,
        LocalizedText.of("目标", "target"),
        null);
  }

  private static Target relational(String comparator) {
    return new Target(
        "T",
        "X",
        1,
        "RELATIONAL",
        comparator,
        null,
        null,
        null,
        2025,
        "Y",
        LocalizedText.of("目标", "target"),
        null);
  }

  private static Observation obs(int year, double value) {
    return obs(Integer.toString(year), value);
  }

  private static Observation obs(String period, double value) {
    return observation(period, value, "元");
  }

  private static Observation count(int year, double value) {
    return observation(Integer.toString(year), value, "人");
  }

  private static Observation pct(int year, double value) {
    return observation(Integer.toString(year), value, "%");
  }

  private static Observation observation(String period, double value, String unit) {
    return new Observation(
        "X",
        "331121",
        Period.parse(period),
        "_T",
        value,
        unit,
        "FINAL",
        Provenance.OFFICIAL,
        "SRC",
        null,
        null);
  }
}
