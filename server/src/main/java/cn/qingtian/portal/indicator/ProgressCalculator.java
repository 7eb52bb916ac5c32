package cn.qingtian.portal.indicator;

import cn.qingtian.portal.api.LocalizedText;
import cn.qingtian.portal.plan.Target;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Judges progress toward a target from an indicator's annual observations: the Open SDG /
 * Statistics Canada method for levels and directions, and a documented rule for every other kind of
 * target (docs/methodology.md gives each formula with a worked example). Partial-year periods never
 * enter a rate: only whole calendar years are used.
 */
public final class ProgressCalculator {

  /** R at or above this is on track (substantial progress). */
  public static final double ON_TRACK = 0.95;

  /** R at or above this is moderate progress. */
  public static final double MODERATE = 0.60;

  /** Without a target value: annual change at or above this is substantial progress. */
  public static final double DIRECTION_SUBSTANTIAL = 0.015;

  /** Without a target value: annual change at or above this is moderate progress. */
  public static final double DIRECTION_MODERATE = 0.005;

  /** "In step" (基本同步): growth rates within this many percentage points. */
  public static final double IN_STEP_POINTS = 0.01;

  /** Stand-in for a zero base or target, which the growth-rate formulas cannot divide by. */
  static final double ZERO = 0.001;

  private final int planStart;

  /**
   * @param planStart the plan's first year; the base year is the year before it (2020 for
   *     2021–2025) or the first year observed after that
   */
  public ProgressCalculator(int planStart) {
    this.planStart = planStart;
  }

  public Progress assess(Target target, List<Observation> series, List<Observation> related) {
    if (target.unmeasurableReason() != null) {
      return Outcome.of(ProgressStatus.NOT_ASSESSABLE, target.unmeasurableReason())
          .build(target, List.of());
    }
    List<Observation> annual = annual(series);
    return switch (target.kind()) {
      case "GROWTH_RATE" -> growthRate(target, annual);
      case "CUMULATIVE_COUNT" -> cumulative(target, annual);
      case "ANNUAL_COUNT" -> annualCount(target, annual);
      case "DYNAMIC_ZERO" -> dynamicZero(target, annual);
      case "MILESTONE" -> milestone(target, annual);
      case "DIRECTION" -> direction(target, annual);
      case "RELATIONAL" -> relational(target, annual, annual(related));
      default -> level(target, annual);
    };
  }

  /** Whole calendar years of the total series, oldest first. */
  static List<Observation> annual(List<Observation> series) {
    return series.stream()
        .filter(o -> o.period().annual())
        .filter(o -> o.disaggregation().equals(Observation.TOTAL))
        .sorted(Comparator.comparingInt(Observation::year))
        .toList();
  }

  // ---- LEVEL, SHARE, FULL_COVERAGE, CEILING, FLOOR: Open SDG with a target value

  private Progress level(Target target, List<Observation> annual) {
    double goal = value(target);
    Optional<Observation> finalYear = finalObservation(target, annual);
    if (finalYear.isPresent()) {
      Observation last = finalYear.get();
      return finalEvaluation(meets(target, last.value()))
          .figures(base(annual), last, geometricPath(base(annual), goal, target.targetYear()))
          .build(target, List.of(last));
    }
    if (annual.size() < 2) {
      return insufficient(target, annual, 2);
    }
    Observation base = base(annual);
    Observation latest = annual.get(annual.size() - 1);
    List<PathPoint> path = geometricPath(base, goal, target.targetYear());
    if (meets(target, latest.value())) {
      boolean mustHold = target.kind().equals("CEILING") || target.kind().equals("FLOOR");
      return Outcome.of(
              mustHold ? ProgressStatus.ON_TRACK : ProgressStatus.TARGET_ACHIEVED,
              mustHold
                  ? text(
                      "最新值已在目标范围内，需保持至目标年",
                      "the latest value is within the target; it must stay so until the target year")
                  : text("最新值已达到目标", "the latest value already meets the target"))
          .figures(base, latest, path)
          .rates(cagr(base, latest), requiredRate(latest, goal, target.targetYear()))
          .projected(project(latest, cagr(base, latest), target.targetYear()))
          .build(target, List.of(base, latest));
    }
    if (Math.signum(base.value()) * Math.signum(latest.value()) < 0) {
      return Outcome.of(
              ProgressStatus.INSUFFICIENT_DATA,
              text("基期值与最新值符号相反，无法计算增长率", "the base and latest values have opposite signs"))
          .build(target, List.of(base, latest));
    }
    double observed = cagr(base, latest);
    double required = rate(base.value(), goal, target.targetYear() - base.year());
    double sign = target.higherIsBetter() ? 1 : -1;
    double ratio = required == 0 ? 0 : sign * observed / Math.abs(required);
    return Outcome.byRatio(ratio, "R = s·CAGR观测/|CAGR所需|", "R = s·CAGR observed / |CAGR required|")
        .figures(base, latest, path)
        .rates(observed, requiredRate(latest, goal, target.targetYear()))
        .projected(project(latest, observed, target.targetYear()))
        .build(target, List.of(base, latest));
  }

  // ---- GROWTH_RATE: the observed average annual growth against the required one

  private Progress growthRate(Target target, List<Observation> annual) {
    if (annual.size() < 2) {
      return insufficient(target, annual, 2);
    }
    double goal = value(target) / 100;
    Observation base = base(annual);
    Optional<Observation> finalYear = finalObservation(target, annual);
    Observation latest = finalYear.orElse(annual.get(annual.size() - 1));
    if (latest.year() <= base.year()) {
      return insufficient(target, annual, 2);
    }
    double observed = cagr(base, latest);
    List<PathPoint> path = new ArrayList<>();
    for (int year = base.year(); year <= target.targetYear(); year++) {
      path.add(new PathPoint(year, base.value() * Math.pow(1 + goal, year - base.year())));
    }
    double endOfPath = path.get(path.size() - 1).value();
    if (finalYear.isPresent()) {
      return finalEvaluation(observed >= goal - 1e-9)
          .figures(base, latest, path)
          .rates(observed, null)
          .build(target, List.of(base, latest));
    }
    double ratio = goal == 0 ? 0 : observed / goal;
    return Outcome.byRatio(ratio, "R = 观测年均增速/目标年均增速", "R = observed / required annual growth")
        .figures(base, latest, path)
        .rates(observed, requiredRate(latest, endOfPath, target.targetYear()))
        .projected(project(latest, observed, target.targetYear()))
        .build(target, List.of(base, latest));
  }

  // ---- CUMULATIVE_COUNT: the sum of annual counts since the base year against a linear path

  private Progress cumulative(Target target, List<Observation> annual) {
    int from = target.baseYear() != null ? target.baseYear() : planStart;
    List<Observation> counted =
        annual.stream().filter(o -> o.year() >= from && o.year() <= target.targetYear()).toList();
    if (counted.isEmpty()) {
      return insufficient(target, annual, 1);
    }
    double goal = value(target);
    double sum = counted.stream().mapToDouble(Observation::value).sum();
    Observation latest = counted.get(counted.size() - 1);
    int years = target.targetYear() - from + 1;
    // Years elapsed through the latest count, so a year without a count adds nothing to the total
    // but still counts as a year gone (as on the linear path).
    double pace = sum / (latest.year() - from + 1);
    List<PathPoint> path = new ArrayList<>();
    for (int year = from; year <= target.targetYear(); year++) {
      path.add(new PathPoint(year, goal * (year - from + 1) / years));
    }
    Outcome outcome;
    if (meets(target, sum)) {
      outcome =
          Outcome.of(
              ProgressStatus.TARGET_ACHIEVED,
              text("累计值已达到目标", "the running total already meets the target"));
    } else if (latest.year() >= target.targetYear()) {
      outcome =
          Outcome.of(
              ProgressStatus.NOT_ACHIEVED,
              text("目标年已过，累计值未达到目标", "the target year is observed and the total falls short"));
    } else {
      double ratio = pace / (goal / years);
      outcome =
          Outcome.byRatio(
              ratio, "R = 年均完成量/所需年均量", "R = average yearly count / required yearly count");
    }
    int remaining = target.targetYear() - latest.year();
    return outcome
        .figures(counted.get(0), latest, path)
        .running(sum)
        .rates(null, remaining > 0 ? Math.max(0, goal - sum) / remaining : null)
        .projected(sum + pace * remaining)
        .build(target, counted);
  }

  // ---- ANNUAL_COUNT: every year must reach the count

  private Progress annualCount(Target target, List<Observation> annual) {
    List<Observation> counted =
        annual.stream()
            .filter(o -> o.year() >= planStart && o.year() <= target.targetYear())
            .toList();
    if (counted.isEmpty()) {
      return insufficient(target, annual, 1);
    }
    double goal = value(target);
    Observation latest = counted.get(counted.size() - 1);
    Observation worst =
        counted.stream().min(Comparator.comparingDouble(Observation::value)).orElseThrow();
    boolean everyYear = counted.stream().allMatch(o -> meets(target, o.value()));
    List<PathPoint> path = new ArrayList<>();
    for (int year = planStart; year <= target.targetYear(); year++) {
      path.add(new PathPoint(year, goal));
    }
    Outcome outcome;
    if (latest.year() >= target.targetYear()) {
      outcome =
          everyYear
              ? Outcome.of(
                  ProgressStatus.TARGET_ACHIEVED,
                  text("每个观测年份都达到了目标", "every observed year met the target"))
              : Outcome.of(
                  ProgressStatus.NOT_ACHIEVED,
                  text(worst.year() + "年未达到目标", "the target was missed in " + worst.year()));
    } else if (everyYear) {
      outcome =
          Outcome.of(ProgressStatus.ON_TRACK, text("迄今每年都达到目标", "every year so far met the target"))
              .ratio(worst.value() / goal);
    } else {
      double ratio = worst.value() / goal;
      outcome =
          counted.size() > 1
                  && latest.value() < counted.get(counted.size() - 2).value()
                  && latest == worst
              ? Outcome.of(
                      ProgressStatus.DETERIORATION,
                      text("最新年份低于目标且较上年下降", "the latest year is below the target and fell"))
                  .ratio(ratio)
              : Outcome.byRatio(ratio, "R = 最差年份/年度目标", "R = worst year / yearly target");
    }
    return outcome.figures(counted.get(0), latest, path).build(target, counted);
  }

  // ---- DYNAMIC_ZERO: the count must reach and stay at zero

  private Progress dynamicZero(Target target, List<Observation> annual) {
    if (annual.isEmpty()) {
      return insufficient(target, annual, 1);
    }
    Observation latest = annual.get(annual.size() - 1);
    Observation base = base(annual);
    List<PathPoint> path = linearPath(base, 0, target.targetYear());
    if (latest.value() == 0) {
      ProgressStatus status =
          latest.year() >= target.targetYear()
              ? ProgressStatus.TARGET_ACHIEVED
              : ProgressStatus.ON_TRACK;
      return Outcome.of(status, text("最新值为零", "the latest value is zero"))
          .figures(base, latest, path)
          .build(target, List.of(latest));
    }
    if (latest.year() >= target.targetYear()) {
      return Outcome.of(ProgressStatus.NOT_ACHIEVED, text("目标年仍未清零", "not zero in the target year"))
          .figures(base, latest, path)
          .build(target, List.of(latest));
    }
    if (annual.size() < 2) {
      return insufficient(target, annual, 2);
    }
    double ratio = base.value() == 0 ? -1 : (base.value() - latest.value()) / base.value();
    return Outcome.byRatio(ratio, "R = 减少量/基期值", "R = reduction / base value")
        .figures(base, latest, path)
        .build(target, List.of(base, latest));
  }

  // ---- MILESTONE: 1 once reached, 0 before

  private Progress milestone(Target target, List<Observation> annual) {
    if (annual.isEmpty()) {
      return insufficient(target, annual, 1);
    }
    Optional<Observation> reached = annual.stream().filter(o -> o.value() >= 1).findFirst();
    Observation latest = annual.get(annual.size() - 1);
    if (reached.isPresent()) {
      return Outcome.of(
              ProgressStatus.TARGET_ACHIEVED,
              text(reached.get().year() + "年已实现", "reached in " + reached.get().year()))
          .figures(annual.get(0), reached.get(), List.of())
          .build(target, List.of(reached.get()));
    }
    ProgressStatus status =
        latest.year() >= target.targetYear() ? ProgressStatus.NOT_ACHIEVED : ProgressStatus.LIMITED;
    return Outcome.of(
            status,
            status == ProgressStatus.NOT_ACHIEVED
                ? text("目标年仍未实现", "not reached by the target year")
                : text(
                    "尚未实现；里程碑没有中间进度，实现前计为进展有限",
                    "not reached yet; a milestone has no intermediate steps, so it counts as limited progress until reached"))
        .figures(annual.get(0), latest, List.of())
        .build(target, List.of(latest));
  }

  // ---- DIRECTION: Open SDG without a target value

  private Progress direction(Target target, List<Observation> annual) {
    if (annual.size() < 2) {
      return insufficient(target, annual, 2);
    }
    Observation base = base(annual);
    Optional<Observation> finalYear = finalObservation(target, annual);
    Observation latest = finalYear.orElse(annual.get(annual.size() - 1));
    if (latest.year() <= base.year()) {
      return insufficient(target, annual, 2);
    }
    double sign = target.higherIsBetter() ? 1 : -1;
    double observed = cagr(base, latest);
    if (finalYear.isPresent()) {
      return finalEvaluation(sign * (latest.value() - base.value()) > 0)
          .figures(base, latest, List.of())
          .rates(observed, null)
          .build(target, List.of(base, latest));
    }
    double correction = latest.unit().equals("%") ? limitCorrection(base.value(), 100) : 1;
    double change = sign * observed;
    double ratio = change / (DIRECTION_SUBSTANTIAL * correction);
    ProgressStatus status =
        change >= DIRECTION_SUBSTANTIAL * correction
            ? ProgressStatus.ON_TRACK
            : change >= DIRECTION_MODERATE * correction
                ? ProgressStatus.MODERATE
                : change >= 0 ? ProgressStatus.LIMITED : ProgressStatus.DETERIORATION;
    return Outcome.of(
            status,
            text(
                "按方向判断：s·年均变化与1.5%、0.5%、0比较",
                "direction only: s·annual change against 1.5 %, 0.5 % and 0"))
        .ratio(ratio)
        .figures(base, latest, List.of())
        .rates(observed, null)
        .projected(project(latest, observed, target.targetYear()))
        .build(target, List.of(base, latest));
  }

  /** Open SDG's natural-limit correction C for a base y0 and a limit such as 100 %. */
  static double limitCorrection(double base, double limit) {
    if (base <= limit) {
      return 1 - Math.pow(base / limit, 4.44);
    }
    if (base < 2 * limit) {
      return 1 - Math.pow((2 * limit - base) / limit, 4.44);
    }
    return 1;
  }

  // ---- RELATIONAL: the indicator's growth against a related indicator's over the same years

  private Progress relational(Target target, List<Observation> annual, List<Observation> related) {
    List<Integer> common =
        annual.stream()
            .map(Observation::year)
            .filter(year -> related.stream().anyMatch(r -> r.year() == year))
            .toList();
    if (common.size() < 2) {
      return insufficient(target, annual, 2);
    }
    int from = common.stream().filter(y -> y >= planStart - 1).findFirst().orElse(common.get(0));
    int to = common.get(common.size() - 1);
    if (to <= from) {
      return insufficient(target, annual, 2);
    }
    Observation base = at(annual, from);
    Observation latest = at(annual, to);
    double own = cagr(base, latest);
    double other = cagr(at(related, from), at(related, to));
    double gap = own - other;
    boolean inStep = target.comparator().equals("EQ");
    boolean holds = inStep ? Math.abs(gap) <= IN_STEP_POINTS : gap >= -1e-9;
    Outcome outcome;
    if (to >= target.targetYear()) {
      outcome =
          Outcome.of(
              holds ? ProgressStatus.TARGET_ACHIEVED : ProgressStatus.NOT_ACHIEVED,
              text(
                  "目标年已观测：比较两者年均增速", "target year observed: the two annual growth rates compared"));
    } else if (holds) {
      outcome =
          Outcome.of(
              ProgressStatus.ON_TRACK,
              text("迄今年均增速符合要求", "annual growth so far meets the relation"));
    } else if (inStep) {
      outcome =
          Math.abs(gap) <= 2 * IN_STEP_POINTS
              ? Outcome.of(
                  ProgressStatus.MODERATE,
                  text("增速相差1–2个百分点", "growth differs by 1–2 percentage points"))
              : Outcome.of(
                  ProgressStatus.LIMITED,
                  text("增速相差超过2个百分点", "growth differs by more than 2 percentage points"));
    } else {
      double ratio = other <= 0 ? (own >= other ? 1 : -1) : own / other;
      outcome =
          Outcome.byRatio(
              ratio, "R = 本指标年均增速/比较指标年均增速", "R = own annual growth / related annual growth");
    }
    List<Observation> used =
        new ArrayList<>(List.of(base, latest, at(related, from), at(related, to)));
    return outcome.figures(base, latest, List.of()).rates(own, other).build(target, used);
  }

  // ---- shared pieces

  private Optional<Observation> finalObservation(Target target, List<Observation> annual) {
    return annual.stream()
        .filter(o -> o.year() == target.targetYear())
        .findFirst()
        .or(() -> annual.stream().filter(o -> o.year() > target.targetYear()).findFirst());
  }

  private static Outcome finalEvaluation(boolean met) {
    return met
        ? Outcome.of(
            ProgressStatus.TARGET_ACHIEVED,
            text("目标年已观测，达到目标", "the target year is observed and the target met"))
        : Outcome.of(
            ProgressStatus.NOT_ACHIEVED,
            text("目标年已观测，未达到目标", "the target year is observed and the target missed"));
  }

  private Progress insufficient(Target target, List<Observation> annual, int needed) {
    return Outcome.of(
            ProgressStatus.INSUFFICIENT_DATA,
            annual.isEmpty()
                ? text("没有可用的全年观测值", "no whole-year observation")
                : text(
                    "只有 " + annual.size() + " 个全年观测值，至少需要 " + needed + " 个",
                    "only " + annual.size() + " whole-year observation(s); " + needed + " needed"))
        .figures(
            annual.isEmpty() ? null : annual.get(0),
            annual.isEmpty() ? null : annual.get(annual.size() - 1),
            List.of())
        .build(target, annual);
  }

  /** The base: the year before the plan starts if observed, else the first observation. */
  private Observation base(List<Observation> annual) {
    return annual.stream().filter(o -> o.year() >= planStart - 1).findFirst().orElse(annual.get(0));
  }

  private static Observation at(List<Observation> annual, int year) {
    return annual.stream().filter(o -> o.year() == year).findFirst().orElseThrow();
  }

  static boolean meets(Target target, double value) {
    double goal = value(target);
    return switch (target.comparator()) {
      case "GE" -> value >= goal;
      case "GT" -> value > goal;
      case "LE" -> value <= goal;
      case "LT" -> value < goal;
      default -> value == goal;
    };
  }

  private static double value(Target target) {
    if (target.value() == null) {
      throw new IllegalStateException("target " + target.code() + " has no value");
    }
    return target.value();
  }

  /** Compound annual growth between two observations. */
  static double cagr(Observation from, Observation to) {
    return rate(from.value(), to.value(), to.year() - from.year());
  }

  static double rate(double from, double to, int years) {
    double start = from == 0 ? ZERO : from;
    double end = to == 0 ? ZERO : to;
    return years <= 0 ? 0 : Math.pow(end / start, 1.0 / years) - 1;
  }

  private static @Nullable Double requiredRate(Observation latest, double goal, int targetYear) {
    int years = targetYear - latest.year();
    return years <= 0 ? null : rate(latest.value(), goal, years);
  }

  /** The value at the observed rate in the target year; a percentage stops at 100. */
  private static double project(Observation latest, double rate, int targetYear) {
    double projected = latest.value() * Math.pow(1 + rate, Math.max(0, targetYear - latest.year()));
    return latest.unit().equals("%") ? Math.min(100, projected) : projected;
  }

  private static List<PathPoint> geometricPath(Observation base, double goal, int targetYear) {
    double required = rate(base.value(), goal, targetYear - base.year());
    List<PathPoint> path = new ArrayList<>();
    for (int year = base.year(); year <= targetYear; year++) {
      path.add(new PathPoint(year, base.value() * Math.pow(1 + required, year - base.year())));
    }
    return path;
  }

  private static List<PathPoint> linearPath(Observation base, double goal, int targetYear) {
    List<PathPoint> path = new ArrayList<>();
    int years = Math.max(1, targetYear - base.year());
    for (int year = base.year(); year <= targetYear; year++) {
      path.add(
          new PathPoint(year, base.value() + (goal - base.value()) * (year - base.year()) / years));
    }
    return path;
  }

  static LocalizedText text(String zh, String en) {
    return LocalizedText.of(zh, en);
  }

  /** What an assessment found, gathered step by step and then turned into a {@link Progress}. */
  private static final class Outcome {

    private final ProgressStatus status;
    private final LocalizedText reason;
    private @Nullable Double ratio;
    private @Nullable Double observedRate;
    private @Nullable Double requiredRate;
    private @Nullable Double projected;
    private @Nullable Double running;
    private @Nullable Observation baseline;
    private @Nullable Observation latest;
    private List<PathPoint> path = List.of();

    private Outcome(ProgressStatus status, LocalizedText reason) {
      this.status = status;
      this.reason = reason;
    }

    static Outcome of(ProgressStatus status, LocalizedText reason) {
      return new Outcome(status, reason);
    }

    /** Reads a status off a progress ratio R with the Open SDG thresholds. */
    static Outcome byRatio(double ratio, String formulaZh, String formulaEn) {
      ProgressStatus status =
          ratio >= ON_TRACK
              ? ProgressStatus.ON_TRACK
              : ratio >= MODERATE
                  ? ProgressStatus.MODERATE
                  : ratio >= 0 ? ProgressStatus.LIMITED : ProgressStatus.DETERIORATION;
      Outcome outcome =
          new Outcome(
              status,
              text(
                  formulaZh
                      + " = "
                      + String.format(java.util.Locale.ROOT, "%.2f", ratio)
                      + "（阈值 0.95 / 0.60 / 0）",
                  formulaEn
                      + " = "
                      + String.format(java.util.Locale.ROOT, "%.2f", ratio)
                      + " (thresholds 0.95 / 0.60 / 0)"));
      return outcome.ratio(ratio);
    }

    Outcome ratio(double value) {
      this.ratio = value;
      return this;
    }

    Outcome rates(@Nullable Double observed, @Nullable Double required) {
      this.observedRate = observed;
      this.requiredRate = required;
      return this;
    }

    Outcome projected(double value) {
      this.projected = value;
      return this;
    }

    Outcome running(double total) {
      this.running = total;
      return this;
    }

    Outcome figures(
        @Nullable Observation base, @Nullable Observation last, List<PathPoint> targetPath) {
      this.baseline = base;
      this.latest = last;
      this.path = targetPath;
      return this;
    }

    /** The progress; its provenance is the weakest of the observations it used (D6). */
    Progress build(Target target, List<Observation> used) {
      Provenance provenance =
          Provenance.weakest(used.stream().map(Observation::provenance).toList());
      Double atLatest = null;
      if (latest != null) {
        int year = latest.year();
        atLatest =
            path.stream()
                .filter(p -> p.year() == year)
                .map(PathPoint::value)
                .findFirst()
                .orElse(null);
      }
      Progress draft =
          new Progress(
              status,
              reason,
              ratio,
              observedRate,
              requiredRate,
              projected,
              baseline,
              latest,
              List.copyOf(path),
              atLatest,
              provenance,
              LocalizedText.of("", null));
      return draft.withSummary(ProgressSummary.of(target, draft, running));
    }
  }
}
