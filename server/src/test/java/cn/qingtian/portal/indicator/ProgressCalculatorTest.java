package cn.qingtian.portal.indicator;

import static cn.qingtian.portal.indicator.ProgressStatus.ACHIEVED_AHEAD;
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
import cn.qingtian.portal.indicator.ReleaseProgress.FinalEvaluation;
import cn.qingtian.portal.plan.Target;
import cn.qingtian.portal.plan.TargetComparator;
import cn.qingtian.portal.plan.TargetKind;
import cn.qingtian.portal.plan.TargetPlacement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Worked examples of every rule in docs/methodology.md, at and around every threshold. */
class ProgressCalculatorTest {

  /** A release published during the plan period, when 2025 still lay ahead. */
  private final ProgressCalculator calculator =
      new ProgressCalculator(2021, LocalDate.of(2024, 6, 30));

  /** A release published after the plan period, like the bundled one (2026-11-29). */
  private final ProgressCalculator afterThePlan =
      new ProgressCalculator(2021, LocalDate.of(2026, 11, 29));

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
          .isEqualTo("2023年为49,900元，为2025年目标58,000元的86.0%，还需年均增长7.8%；按目前速度2025年预计为57,800元。");
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
    void aLevelMetBeforeItsTargetYearIsAchievedAheadNotAchieved() {
      // D27: 58,500 in 2024 meets 58,000, but 2025 is not observed: provisional.
      Progress ahead = assess(income, obs(2020, 40000), obs(2024, 58500));
      assertThat(ahead.status()).isEqualTo(ACHIEVED_AHEAD);
      assertThat(ahead.summaryText().zh()).contains("已提前达到目标，待2025年数据确认");
      assertThat(assess(income, obs(2020, 40000), obs(2024, 58000)).status())
          .isEqualTo(ACHIEVED_AHEAD);
      assertThat(assess(income, obs(2020, 40000), obs(2024, 57999)).status())
          .isNotEqualTo(ACHIEVED_AHEAD);
    }

    @Test
    void aShareOrFullCoverageMetBeforeItsTargetYearIsAchievedAhead() {
      // 三保支出保障率 100 % in 2024, target year 2025 not observed.
      Target coverage = target("FULL_COVERAGE", "GE", 100.0);
      assertThat(assess(coverage, pct(2020, 96), pct(2024, 100)).status())
          .isEqualTo(ACHIEVED_AHEAD);
      assertThat(assess(coverage, pct(2020, 96), pct(2025, 100)).status())
          .isEqualTo(TARGET_ACHIEVED);
      Target share = target("SHARE", "GT", 60.0);
      assertThat(assess(share, pct(2020, 50), pct(2024, 60)).status()).isNotEqualTo(ACHIEVED_AHEAD);
      assertThat(assess(share, pct(2020, 50), pct(2024, 60.1)).status()).isEqualTo(ACHIEVED_AHEAD);
    }

    @Test
    void theTargetYearGivesTheFinalEvaluation() {
      assertThat(assess(income, obs(2020, 40000), obs(2025, 57999)).status())
          .isEqualTo(NOT_ACHIEVED);
      assertThat(assess(income, obs(2020, 40000), obs(2025, 58000)).status())
          .isEqualTo(TARGET_ACHIEVED);
    }

    @Test
    void aCeilingOrFloorMetBeforeTheTargetYearIsAchievedAheadLikeALevel() {
      // 城镇登记失业率 ≤ 3.5 %: 4.2 % in 2020, 3.4 % (or exactly 3.5 %) in 2023.
      Target ceiling = target("CEILING", "LE", 3.5);
      assertThat(assess(ceiling, obs(2020, 4.2), obs(2023, 3.4)).status())
          .isEqualTo(ACHIEVED_AHEAD);
      assertThat(assess(ceiling, obs(2020, 4.2), obs(2023, 3.5)).status())
          .isEqualTo(ACHIEVED_AHEAD);
      assertThat(assess(ceiling, obs(2020, 4.2), obs(2025, 3.4)).status())
          .isEqualTo(TARGET_ACHIEVED);
      assertThat(assess(ceiling, obs(2020, 4.2), obs(2025, 3.6)).status()).isEqualTo(NOT_ACHIEVED);
      // 民生支出占比保持在三分之二（66.67 %）以上: 68.67 % in 2024.
      Target floor = target("FLOOR", "GE", 66.67);
      assertThat(assess(floor, pct(2020, 66.8), pct(2024, 68.67)).status())
          .isEqualTo(ACHIEVED_AHEAD);
      assertThat(assess(floor, pct(2020, 66.8), pct(2025, 66.6)).status()).isEqualTo(NOT_ACHIEVED);
    }

    @Test
    void aCeilingAboveItsBoundIsJudgedByTheRatio() {
      Target ceiling = target("CEILING", "LE", 3.5);
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
    void aGrowthTargetWhoseTargetYearValueIsReachedEarlyIsAchievedAhead() {
      // 15 % a year from 10,000 in 2020 gives 10,000 × 1.15^5 = 20,113.57 in 2025. Reaching it in
      // 2024 meets the average growth over the period should the value hold: provisional.
      assertThat(assess(growth, obs(2020, 10000), obs(2024, 20113.58)).status())
          .isEqualTo(ACHIEVED_AHEAD);
      assertThat(assess(growth, obs(2020, 10000), obs(2024, 20113.57)).status())
          .isEqualTo(ON_TRACK);
      // 16 % a year through 2024 (18,106.39) is ahead of the path but short of its end: on track.
      Progress faster = assess(growth, obs(2020, 10000), obs(2024, 10000 * Math.pow(1.16, 4)));
      assertThat(faster.ratio()).isCloseTo(16.0 / 15, within(1e-9));
      assertThat(faster.status()).isEqualTo(ON_TRACK);
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

    // 每年组织职业技能培训 5000 人次以上.
    private final Target training = target("ANNUAL_COUNT", "GE", 5000.0);

    @Test
    void aYearlyCountIsJudgedByItsLatestYearAgainstTheYearlyTarget() {
      // R = latest year / N with the level thresholds 0.95 / 0.60 / 0.
      assertThat(assess(training, obs(2021, 5200), obs(2022, 5100)).status()).isEqualTo(ON_TRACK);
      // A flat 4,000 is R = 0.8: moderate, whatever the year.
      Progress flat = assess(training, obs(2021, 4000), obs(2022, 4000));
      assertThat(flat.ratio()).isCloseTo(0.8, within(1e-9));
      assertThat(flat.status()).isEqualTo(MODERATE);
      // An early shortfall does not hold a recovered latest year back: 2,000 then 4,900 is R =
      // 0.98.
      assertThat(assess(training, obs(2021, 2000), obs(2022, 4900)).status()).isEqualTo(ON_TRACK);
    }

    @Test
    void aYearlyCountReadsTheLevelThresholdsOffTheLatestYear() {
      assertThat(assess(training, obs(2021, 4000), obs(2022, 4750)).status()).isEqualTo(ON_TRACK);
      assertThat(assess(training, obs(2021, 4000), obs(2022, 4749)).status()).isEqualTo(MODERATE);
      assertThat(assess(training, obs(2021, 2000), obs(2022, 3000)).status()).isEqualTo(MODERATE);
      assertThat(assess(training, obs(2021, 2000), obs(2022, 2999)).status()).isEqualTo(LIMITED);
      assertThat(assess(training, obs(2022, 2999)).status()).isEqualTo(LIMITED);
    }

    @Test
    void aYearlyCountDeterioratesOnlyBelowBothTheTargetAndTheYearBefore() {
      // 5,000 → 4,000: below N and below 2021.
      Progress dip = assess(training, obs(2021, 5000), obs(2022, 4000));
      assertThat(dip.status()).isEqualTo(DETERIORATION);
      assertThat(dip.ratio()).isCloseTo(0.8, within(1e-9));
      // Falling but still at or above N is no deterioration.
      assertThat(assess(training, obs(2021, 6000), obs(2022, 5000)).status()).isEqualTo(ON_TRACK);
      // Below N but rising is read off R.
      assertThat(assess(training, obs(2021, 3000), obs(2022, 4000)).status()).isEqualTo(MODERATE);
    }

    @Test
    void aYearlyCountIsAchievedOnlyIfEveryYearMetItOnceTheTargetYearIsObserved() {
      // A yearly count is met every year including the target year: it is never achieved ahead.
      assertThat(
              assess(training, obs(2021, 5000), obs(2022, 5001), obs(2023, 5200), obs(2024, 6000))
                  .status())
          .isEqualTo(ON_TRACK);
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

    // 零就业家庭动态清零: 40 families in 2020.
    private final Target zero = target("DYNAMIC_ZERO", "EQ", 0.0);

    @Test
    void aDynamicZeroReachedBeforeTheTargetYearIsAchievedAhead() {
      assertThat(assess(zero, obs(2020, 40), obs(2023, 0)).status()).isEqualTo(ACHIEVED_AHEAD);
      assertThat(assess(zero, obs(2020, 40), obs(2025, 0)).status()).isEqualTo(TARGET_ACHIEVED);
      assertThat(assess(zero, obs(2020, 40), obs(2025, 5)).status()).isEqualTo(NOT_ACHIEVED);
    }

    @Test
    void aDynamicZeroIsOnTrackOnlyIfItsTrendReachesZeroByTheTargetYear() {
      // 40 → 10 in 2023: −10 a year, 2025 at the trend = 10 − 2 × 10 = −10 ≤ 0: on track.
      Progress early = assess(zero, obs(2020, 40), obs(2023, 10));
      assertThat(early.status()).isEqualTo(ON_TRACK);
      assertThat(early.projectedValue()).isEqualTo(0.0);
      // The same 40 → 10 one year later: −7.5 a year, 2025 at the trend = 2.5 > 0: limited.
      Progress late = assess(zero, obs(2020, 40), obs(2024, 10));
      assertThat(late.status()).isEqualTo(LIMITED);
      assertThat(late.projectedValue()).isCloseTo(2.5, within(1e-9));
      // At the boundary: 40 → 16 in 2023 is −8 a year and exactly 0 in 2025.
      assertThat(assess(zero, obs(2020, 40), obs(2023, 16)).status()).isEqualTo(ON_TRACK);
      assertThat(assess(zero, obs(2020, 40), obs(2023, 17)).status()).isEqualTo(LIMITED);
      assertThat(assess(zero, obs(2020, 40), obs(2023, 40)).status()).isEqualTo(LIMITED);
    }

    @Test
    void aRisingDynamicZeroDeteriorates() {
      assertThat(assess(zero, obs(2020, 40), obs(2023, 50)).status()).isEqualTo(DETERIORATION);
      // Down from the base but up on the year before.
      assertThat(assess(zero, obs(2020, 40), obs(2022, 5), obs(2023, 10)).status())
          .isEqualTo(DETERIORATION);
      // Down on the year before but still above the base.
      assertThat(assess(zero, obs(2020, 40), obs(2022, 60), obs(2023, 50)).status())
          .isEqualTo(DETERIORATION);
      assertThat(assess(zero, obs(2023, 10)).status()).isEqualTo(INSUFFICIENT_DATA);
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
      assertThat(
              calculator
                  .assess(
                      allowance,
                      List.of(obs(2020, 10000), obs(2025, 10000 * Math.pow(1.05, 5))),
                      List.of(obs(2020, 40000), obs(2025, 40000 * Math.pow(1.05, 5))))
                  .status())
          .isEqualTo(TARGET_ACHIEVED);
    }

    // 劳动报酬提高与劳动生产率提高基本同步: productivity (B) grows 6 % a year from 2020 to 2023.
    private final Target inStep = relational("EQ");
    private final List<Observation> productivity =
        List.of(obs(2020, 100), obs(2023, 100 * Math.pow(1.06, 3)));

    private Progress pay(double annualGrowth, int toYear, List<Observation> related) {
      return calculator.assess(
          inStep,
          List.of(obs(2020, 100), obs(toYear, 100 * Math.pow(1 + annualGrowth, toYear - 2020))),
          related);
    }

    @Test
    void inStepJudgesTheGapOfAnnualGrowthRates() {
      // A − B ≥ −0.5 pp: on track (growing faster than productivity is in step too).
      assertThat(pay(0.06, 2023, productivity).status()).isEqualTo(ON_TRACK);
      assertThat(pay(0.055, 2023, productivity).status()).isEqualTo(ON_TRACK);
      assertThat(pay(0.08, 2023, productivity).status()).isEqualTo(ON_TRACK);
      // −0.5 to −2 pp: limited.
      assertThat(pay(0.054, 2023, productivity).status()).isEqualTo(LIMITED);
      assertThat(pay(0.04, 2023, productivity).status()).isEqualTo(LIMITED);
      // Below −2 pp: deterioration.
      Progress behind = pay(0.039, 2023, productivity);
      assertThat(behind.status()).isEqualTo(DETERIORATION);
      assertThat(behind.reasonText().zh()).contains("A−B = -2.1 个百分点");
      assertThat(calculator.assess(inStep, List.of(obs(2020, 100)), productivity).status())
          .isEqualTo(INSUFFICIENT_DATA);
    }

    @Test
    void payFallingWhileProductivityRisesIsDeteriorationInStep() {
      // Pay −1 % a year while productivity rises 6 % a year (docs/methodology.md:
      // the gap was once taken in absolute value, which made this only limited progress).
      assertThat(pay(-0.01, 2023, productivity).status()).isEqualTo(DETERIORATION);
      // Falling while the other rises is deterioration even within 0.5 pp.
      List<Observation> slowRise = List.of(obs(2020, 100), obs(2023, 100 * Math.pow(1.002, 3)));
      assertThat(pay(-0.001, 2023, slowRise).status()).isEqualTo(DETERIORATION);
      // Both falling alike is in step.
      List<Observation> falling = List.of(obs(2020, 100), obs(2023, 100 * Math.pow(0.99, 3)));
      assertThat(pay(-0.01, 2023, falling).status()).isEqualTo(ON_TRACK);
    }

    @Test
    void inStepIsAchievedOnlyOnceTheTargetYearIsObserved() {
      List<Observation> toTargetYear = List.of(obs(2020, 100), obs(2025, 100 * Math.pow(1.06, 5)));
      assertThat(pay(0.056, 2025, toTargetYear).status()).isEqualTo(TARGET_ACHIEVED);
      assertThat(pay(0.054, 2025, toTargetYear).status()).isEqualTo(NOT_ACHIEVED);
      assertThat(pay(-0.01, 2025, toTargetYear).status()).isEqualTo(NOT_ACHIEVED);
    }

    @Test
    void aTargetWithoutAMeasurableDefinitionIsNotAssessableWithItsReason() {
      Target doubling =
          new Target(
              "DOUBLING",
              "X",
              2,
              TargetKind.GROWTH_RATE,
              TargetComparator.GE,
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

  @Nested
  class Provenances {

    @Test
    void aStatusComputedFromNoObservationIsNoDataNeverOfficial() {
      Target income = target("LEVEL", "GE", 58000.0);
      assertThat(assess(income).status()).isEqualTo(INSUFFICIENT_DATA);
      assertThat(assess(income).provenance()).isEqualTo(Provenance.NO_DATA);
      Target unmeasurable =
          new Target(
              "DOUBLING",
              "X",
              2,
              TargetKind.GROWTH_RATE,
              TargetComparator.GE,
              100.0,
              null,
              null,
              2025,
              null,
              LocalizedText.of("收入倍增", null),
              LocalizedText.of("文件未规定基期", "no base year"));
      assertThat(assess(unmeasurable, obs(2020, 1), obs(2023, 2)).provenance())
          .isEqualTo(Provenance.NO_DATA);
      // One observation is too few to judge, but it was looked at: its provenance stands.
      assertThat(assess(income, obs(2023, 50000)).provenance()).isEqualTo(Provenance.OFFICIAL);
    }

    @Test
    void noDataNeitherWeakensNorStrengthensTheWeakestProvenance() {
      assertThat(Provenance.weakest(List.of())).isEqualTo(Provenance.NO_DATA);
      assertThat(Provenance.weakest(List.of(Provenance.NO_DATA))).isEqualTo(Provenance.NO_DATA);
      assertThat(Provenance.weakest(List.of(Provenance.NO_DATA, Provenance.DEMO)))
          .isEqualTo(Provenance.DEMO);
      assertThat(Provenance.weakest(List.of(Provenance.OFFICIAL, Provenance.NO_DATA)))
          .isEqualTo(Provenance.OFFICIAL);
      assertThat(
              Provenance.weakest(
                  List.of(Provenance.OFFICIAL, Provenance.NO_DATA, Provenance.SECONDARY)))
          .isEqualTo(Provenance.SECONDARY);
      assertThat(Provenance.DEMO.weakerOf(Provenance.NO_DATA)).isEqualTo(Provenance.DEMO);
      assertThat(Provenance.NO_DATA.weakerOf(Provenance.OFFICIAL)).isEqualTo(Provenance.OFFICIAL);
    }
  }

  @Nested
  class RollUps {

    private final Target income = target("LEVEL", "GE", 58000.0);
    private final Progress demoOnTrack =
        calculator.assess(income, List.of(demo(2020, 40000), obs(2023, 49900)), List.of());
    private final Progress officialAhead = assess(income, obs(2020, 40000), obs(2024, 58500));
    private final Progress finallyAchieved = assess(income, obs(2020, 40000), obs(2025, 58000));
    private final Progress noData = assess(income);

    @Test
    void aRollUpTakesTheWeakestProvenanceOfTheAssessmentsThatUsedData() {
      assertThat(rollUp(noData, demoOnTrack).counts(p -> true).provenance())
          .isEqualTo(Provenance.DEMO);
      assertThat(rollUp(noData, officialAhead).counts(p -> true).provenance())
          .isEqualTo(Provenance.OFFICIAL);
      assertThat(rollUp(noData).counts(p -> true).provenance()).isEqualTo(Provenance.NO_DATA);
      assertThat(rollUp().counts(p -> true).provenance()).isEqualTo(Provenance.NO_DATA);
    }

    @Test
    void anIndicatorsHeadlineWithoutDataIsNoData() {
      assertThat(ReleaseProgress.headline(List.of(noData)).provenance())
          .isEqualTo(Provenance.NO_DATA);
      Progress headline = ReleaseProgress.headline(List.of(noData, demoOnTrack));
      assertThat(headline.status()).isEqualTo(ON_TRACK);
      assertThat(headline.provenance()).isEqualTo(Provenance.DEMO);
    }

    @Test
    void aHeadlineMadeDemoByAnotherTargetSaysSoInItsTexts() {
      Target growth = target("GROWTH_RATE", "GE", 5.0);
      Progress officialLimited =
          assess(growth, obs(2020, 40000), obs(2021, 40400), obs(2023, 41000));
      Progress headline = ReleaseProgress.headline(List.of(officialLimited, demoOnTrack));
      assertThat(headline.status()).isEqualTo(officialLimited.status());
      assertThat(headline.provenance()).isEqualTo(Provenance.DEMO);
      assertThat(headline.summaryText().zh()).startsWith("演示数据（DEMO）：");
      assertThat(headline.reasonText().en()).startsWith("DEMO data (synthetic): ");
      assertThat(officialLimited.summaryText().zh()).doesNotContain("DEMO");
    }

    @Test
    void theFinalEvaluationCountsTargetsAchievedAheadApart() {
      FinalEvaluation evaluation =
          FinalEvaluation.of(
              rollUp(finallyAchieved, officialAhead, officialAhead, demoOnTrack, noData)
                  .counts(p -> true));
      assertThat(evaluation.total()).isEqualTo(5);
      assertThat(evaluation.achieved()).isEqualTo(1);
      assertThat(evaluation.achievedAhead()).isEqualTo(2);
      assertThat(evaluation.notAchieved()).isZero();
      assertThat(evaluation.projected()).isEqualTo(1);
      assertThat(evaluation.cannotBeJudged()).isEqualTo(1);
      assertThat(evaluation.provenance()).isEqualTo(Provenance.DEMO);
    }

    @Test
    void aTargetAchievedAheadRanksBetweenOnTrackAndAchieved() {
      assertThat(ProgressStatus.leastFavourable(List.of(TARGET_ACHIEVED, ACHIEVED_AHEAD)))
          .isEqualTo(ACHIEVED_AHEAD);
      assertThat(ProgressStatus.leastFavourable(List.of(ACHIEVED_AHEAD, ON_TRACK)))
          .isEqualTo(ON_TRACK);
    }

    private static ReleaseProgress rollUp(Progress... targets) {
      Map<String, Progress> byTarget = new LinkedHashMap<>();
      List<TargetPlacement> placements = new ArrayList<>();
      for (int i = 0; i < targets.length; i++) {
        byTarget.put("T" + i, targets[i]);
        placements.add(new TargetPlacement("T" + i, "X", "P", null, null, null, List.of()));
      }
      return new ReleaseProgress(byTarget, Map.of(), Map.of(), placements);
    }
  }

  @Nested
  class Summaries {

    private final Target income = target("LEVEL", "GE", 58000.0);

    @Test
    void aSummaryAfterTheTargetYearGivesNoAdviceForYearsGoneAndSaysWhenTheDataStop() {
      // The release is of 2026; the series ends in 2023; 2025 is gone and was never observed.
      Progress progress =
          afterThePlan.assess(income, List.of(obs(2020, 40000), obs(2023, 49900)), List.of());
      assertThat(progress.summaryText().zh())
          .isEqualTo(
              "2023年为49,900元，为2025年目标58,000元的86.0%；按此前速度推算，2025年约为57,800元；最新数据为2023年，此后无数据。");
      assertThat(progress.summaryText().en())
          .isEqualTo(
              "2023: 49,900 yuan, 86.0% of the 2025 target of 58,000 yuan; the rate observed would give about 57,800 yuan for 2025; latest data 2023, no data since.");
      // The status still comes from the projection (decision D8): the date changes words only.
      assertThat(progress.status()).isEqualTo(ON_TRACK);
    }

    @Test
    void aCumulativeCountEndingYearsBeforeTheReleaseAsksForNothingMore() {
      // 五年新增硕士270名: two counts ending 2022, read in a release of 2026.
      Target masters = cumulative(270.0);
      Progress progress =
          afterThePlan.assess(masters, List.of(count(2021, 27), count(2022, 27)), List.of());
      assertThat(progress.summaryText().zh())
          .isEqualTo("截至2022年累计54人，完成目标270人的20.0%；最新数据为2022年，此后无数据。")
          .doesNotContain("今后");
      assertThat(progress.summaryText().en())
          .isEqualTo(
              "By 2022: 54 persons in total, 20.0% of the target of 270 persons; latest data 2022, no data since.");
    }

    @Test
    void aSummaryGivesAdviceOnlyForYearsStillAheadOfTheRelease() {
      // A release of mid-2025 with 2024 data: 2025 is still ahead, the data current.
      ProgressCalculator in2025 = new ProgressCalculator(2021, LocalDate.of(2025, 6, 30));
      assertThat(
              in2025
                  .assess(income, List.of(obs(2020, 40000), obs(2024, 54000)), List.of())
                  .summaryText()
                  .zh())
          .contains("还需年均增长7.4%；按目前速度2025年预计为");
      // The same release with data ending 2022: 2023 and 2024 went by unobserved.
      assertThat(
              in2025
                  .assess(income, List.of(obs(2020, 40000), obs(2022, 46000)), List.of())
                  .summaryText()
                  .zh())
          .doesNotContain("还需")
          .contains("按此前速度推算")
          .endsWith("最新数据为2022年，此后无数据。");
      // A release of 2026 with 2024 data: the target year 2025 is gone.
      assertThat(
              afterThePlan
                  .assess(income, List.of(obs(2020, 40000), obs(2024, 54000)), List.of())
                  .summaryText()
                  .zh())
          .doesNotContain("还需")
          .endsWith("最新数据为2024年，此后无数据。");
    }

    @Test
    void aSummaryShowsTheLatestValueToItsOwnDecimals() {
      Target ceiling = target("CEILING", "LE", 3.5);
      assertThat(assess(ceiling, pct(2020, 4.2), pct(2023, 3.145)).summaryText().zh())
          .startsWith("2023年为3.145%，2025年目标为不超过3.5%，已提前达到目标，待2025年数据确认");
      assertThat(assess(income, obs(2020, 40000), obs(2023, 49900.5)).summaryText().en())
          .startsWith("2023: 49,900.5 yuan");
    }

    @Test
    void aProjectionHasAtMostThreeSignificantFiguresAndNoFractionOfACount() {
      // 强村 60个: 50 in 2020, 56 in 2024 → 57.61 in 2025 at the observed rate: 58个, not 57.6个.
      Target villages =
          new Target(
              "T",
              "X",
              1,
              TargetKind.LEVEL,
              TargetComparator.GE,
              60.0,
              LocalizedText.of("个", "units"),
              null,
              2025,
              null,
              LocalizedText.of("目标", "target"),
              null);
      ProgressCalculator in2025 = new ProgressCalculator(2021, LocalDate.of(2025, 3, 1));
      Progress progress =
          in2025.assess(
              villages,
              List.of(observation("2020", 50, "个"), observation("2024", 56, "个")),
              List.of());
      assertThat(progress.projectedValue()).isCloseTo(57.61, within(0.01));
      assertThat(progress.summaryText().zh()).endsWith("按目前速度2025年预计为58个。");
      assertThat(Precision.of(8_312_801_786d).projection(9_208_558_133.67))
          .isEqualTo("9,210,000,000");
      assertThat(Precision.of(60.8).projection(63.44)).isEqualTo("63.4");
      assertThat(Precision.of(11.29).projection(11.33)).isEqualTo("11.3");
      assertThat(Precision.of(56).projection(57.9)).isEqualTo("58");
    }

    @Test
    void aCountStillNeededIsWholeAndRoundedUp() {
      // 高素质农民培训2300人次: 1,035 by 2023, 1,265 over two years = 632.5 a year: 633人次.
      Target training =
          new Target(
              "T",
              "X",
              1,
              TargetKind.CUMULATIVE_COUNT,
              TargetComparator.GE,
              2300.0,
              LocalizedText.of("人次", "person-times"),
              2021,
              2025,
              null,
              LocalizedText.of("目标", "target"),
              null);
      Progress progress =
          calculator.assess(
              training,
              List.of(
                  observation("2021", 345, "人次"),
                  observation("2022", 345, "人次"),
                  observation("2023", 345, "人次")),
              List.of());
      assertThat(progress.requiredRate()).isEqualTo(632.5);
      assertThat(progress.summaryText().zh()).endsWith("今后每年还需633人次。");
      assertThat(Precision.of(1035).needed(632.5)).isEqualTo("633");
      assertThat(Precision.of(98.37).value(98.37)).isEqualTo("98.37");
    }
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
    // The reason is written from the same figures: labelled once, and the summary not twice.
    assertThat(progress.reasonText().zh()).startsWith("演示数据（DEMO）：R = ");
    assertThat(progress.reasonText().en()).startsWith("DEMO data (synthetic): R = ");
    assertThat(progress.summaryText().zh().split("DEMO", -1)).hasSize(2);
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
        TargetKind.valueOf(kind),
        TargetComparator.valueOf(comparator),
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
        TargetKind.CUMULATIVE_COUNT,
        TargetComparator.GE,
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
        TargetKind.RELATIONAL,
        TargetComparator.valueOf(comparator),
        null,
        null,
        null,
        2025,
        "Y",
        LocalizedText.of("目标", "target"),
        null);
  }

  private static Observation demo(int year, double value) {
    return new Observation(
        "X",
        "331121",
        Period.parse(Integer.toString(year)),
        "_T",
        value,
        "元",
        "FINAL",
        Provenance.DEMO,
        "DEMO",
        null,
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
