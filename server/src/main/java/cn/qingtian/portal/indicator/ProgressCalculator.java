package cn.qingtian.portal.indicator;

import cn.qingtian.portal.api.LocalizedText;
import cn.qingtian.portal.messages.UserMessages;
import cn.qingtian.portal.plan.Target;
import cn.qingtian.portal.plan.TargetComparator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
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

  /** "In step" (基本同步): a growth gap A − B at or above this (−0.5 pp) is on track. */
  public static final double IN_STEP_ON_TRACK = -0.005;

  /** "In step" (基本同步): a growth gap A − B at or above this (−2 pp) is limited progress. */
  public static final double IN_STEP_LIMITED = -0.02;

  /** Stand-in for a zero base or target, which the growth-rate formulas cannot divide by. */
  static final double ZERO = 0.001;

  /** Tolerance of comparisons of computed rates with a threshold. */
  private static final double EPSILON = 1e-9;

  private final int planStart;
  private final int releaseYear;

  /**
   * @param planStart the plan's first year; the base year is the year before it (2020 for
   *     2021–2025) or the first year observed after that
   * @param releaseDate the release's own date (package metadata, D4): summaries speak from it; no
   *     status depends on it
   */
  public ProgressCalculator(int planStart, LocalDate releaseDate) {
    this.planStart = planStart;
    this.releaseYear = releaseDate.getYear();
  }

  public Progress assess(Target target, List<Observation> series, List<Observation> related) {
    if (target.unmeasurableReason() != null) {
      return Outcome.of(ProgressStatus.NOT_ASSESSABLE, target.unmeasurableReason())
          .build(target, releaseYear, List.of());
    }
    List<Observation> annual = annual(series);
    return switch (target.kind()) {
      case LEVEL, SHARE, FULL_COVERAGE, CEILING, FLOOR -> level(target, annual);
      case GROWTH_RATE -> growthRate(target, annual);
      case CUMULATIVE_COUNT -> cumulative(target, annual);
      case ANNUAL_COUNT -> annualCount(target, annual);
      case DYNAMIC_ZERO -> dynamicZero(target, annual);
      case MILESTONE -> milestone(target, annual);
      case DIRECTION -> direction(target, annual);
      case RELATIONAL -> relational(target, annual, annual(related));
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
          .build(target, releaseYear, List.of(last));
    }
    if (annual.size() < 2) {
      return insufficient(target, annual, 2);
    }
    Observation base = base(annual);
    Observation latest = annual.get(annual.size() - 1);
    List<PathPoint> path = geometricPath(base, goal, target.targetYear());
    if (meets(target, latest.value())) {
      // D27: met before the target year is observed, and revocable until then.
      return Outcome.of(ProgressStatus.ACHIEVED_AHEAD, reason("level.aheadProvisional"))
          .figures(base, latest, path)
          .rates(cagr(base, latest), requiredRate(latest, goal, target.targetYear()))
          .projected(project(latest, cagr(base, latest), target.targetYear()))
          .build(target, releaseYear, List.of(base, latest));
    }
    if (Math.signum(base.value()) * Math.signum(latest.value()) < 0) {
      return Outcome.of(ProgressStatus.INSUFFICIENT_DATA, reason("level.oppositeSigns"))
          .build(target, releaseYear, List.of(base, latest));
    }
    double observed = cagr(base, latest);
    double required = rate(base.value(), goal, target.targetYear() - base.year());
    double sign = target.higherIsBetter() ? 1 : -1;
    double ratio = required == 0 ? 0 : sign * observed / Math.abs(required);
    return Outcome.byRatio(ratio, "level")
        .figures(base, latest, path)
        .rates(observed, requiredRate(latest, goal, target.targetYear()))
        .projected(project(latest, observed, target.targetYear()))
        .build(target, releaseYear, List.of(base, latest));
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
          .build(target, releaseYear, List.of(base, latest));
    }
    double ratio = goal == 0 ? 0 : observed / goal;
    // Reaching the target year's value on the path already gives the required average growth
    // over the whole period, should the value hold until then (D27: provisional).
    Outcome outcome =
        latest.value() >= endOfPath - EPSILON * Math.abs(endOfPath)
            ? Outcome.of(ProgressStatus.ACHIEVED_AHEAD, reason("growth.aheadProvisional"))
                .ratio(ratio)
            : Outcome.byRatio(ratio, "growth");
    return outcome
        .figures(base, latest, path)
        .rates(observed, requiredRate(latest, endOfPath, target.targetYear()))
        .projected(project(latest, observed, target.targetYear()))
        .build(target, releaseYear, List.of(base, latest));
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
      outcome = Outcome.of(ProgressStatus.TARGET_ACHIEVED, reason("cumulative.met"));
    } else if (latest.year() >= target.targetYear()) {
      outcome = Outcome.of(ProgressStatus.NOT_ACHIEVED, reason("cumulative.shortfall"));
    } else {
      double ratio = pace / (goal / years);
      outcome = Outcome.byRatio(ratio, "cumulative");
    }
    int remaining = target.targetYear() - latest.year();
    return outcome
        .figures(counted.get(0), latest, path)
        .running(sum)
        .rates(null, remaining > 0 ? Math.max(0, goal - sum) / remaining : null)
        .projected(sum + pace * remaining)
        .build(target, releaseYear, counted);
  }

  // ---- ANNUAL_COUNT: every year must reach the count; judged by the latest year until the end

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
    List<PathPoint> path = new ArrayList<>();
    for (int year = planStart; year <= target.targetYear(); year++) {
      path.add(new PathPoint(year, goal));
    }
    Outcome outcome;
    if (latest.year() >= target.targetYear()) {
      Observation worst =
          counted.stream().min(Comparator.comparingDouble(Observation::value)).orElseThrow();
      outcome =
          counted.stream().allMatch(o -> meets(target, o.value()))
              ? Outcome.of(ProgressStatus.TARGET_ACHIEVED, reason("annual.everyYearMet"))
              : Outcome.of(ProgressStatus.NOT_ACHIEVED, reason("annual.missedIn", worst.year()));
    } else {
      double ratio = latest.value() / goal;
      Observation before = counted.size() > 1 ? counted.get(counted.size() - 2) : null;
      // A shortfall is deterioration only when it also fell: a flat shortfall is read off R.
      outcome =
          !meets(target, latest.value()) && before != null && latest.value() < before.value()
              ? Outcome.of(ProgressStatus.DETERIORATION, reason("annual.deterioration"))
                  .ratio(ratio)
              : Outcome.byRatio(ratio, "annual");
    }
    return outcome.figures(counted.get(0), latest, path).build(target, releaseYear, counted);
  }

  // ---- DYNAMIC_ZERO: the count must reach and stay at zero

  private Progress dynamicZero(Target target, List<Observation> annual) {
    if (annual.isEmpty()) {
      return insufficient(target, annual, 1);
    }
    Observation latest = annual.get(annual.size() - 1);
    Observation base = base(annual);
    List<PathPoint> path = linearPath(base, 0, target.targetYear());
    boolean finalYear = latest.year() >= target.targetYear();
    if (latest.value() == 0) {
      return Outcome.of(
              finalYear ? ProgressStatus.TARGET_ACHIEVED : ProgressStatus.ACHIEVED_AHEAD,
              finalYear ? reason("zero.reached") : reason("zero.aheadProvisional"))
          .figures(base, latest, path)
          .build(target, releaseYear, List.of(latest));
    }
    if (finalYear) {
      return Outcome.of(ProgressStatus.NOT_ACHIEVED, reason("zero.notReached"))
          .figures(base, latest, path)
          .build(target, releaseYear, List.of(latest));
    }
    if (annual.size() < 2 || latest.year() <= base.year()) {
      return insufficient(target, annual, 2);
    }
    Observation before = annual.get(annual.size() - 2);
    // The straight line from the base through the latest value, carried on to the target year.
    double perYear = (latest.value() - base.value()) / (latest.year() - base.year());
    double atTargetYear = latest.value() + perYear * (target.targetYear() - latest.year());
    Outcome outcome;
    if (latest.value() > before.value() || latest.value() > base.value()) {
      outcome = Outcome.of(ProgressStatus.DETERIORATION, reason("zero.rising"));
    } else if (atTargetYear <= EPSILON) {
      outcome = Outcome.of(ProgressStatus.ON_TRACK, reason("zero.onTrend"));
    } else {
      outcome = Outcome.of(ProgressStatus.LIMITED, reason("zero.offTrend"));
    }
    return outcome
        .figures(base, latest, path)
        .projected(Math.max(0, atTargetYear))
        .build(target, releaseYear, List.of(base, before, latest));
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
              ProgressStatus.TARGET_ACHIEVED, reason("milestone.reachedIn", reached.get().year()))
          .figures(annual.get(0), reached.get(), List.of())
          .build(target, releaseYear, List.of(reached.get()));
    }
    ProgressStatus status =
        latest.year() >= target.targetYear() ? ProgressStatus.NOT_ACHIEVED : ProgressStatus.LIMITED;
    return Outcome.of(
            status,
            status == ProgressStatus.NOT_ACHIEVED
                ? reason("milestone.notReached")
                : reason("milestone.pending"))
        .figures(annual.get(0), latest, List.of())
        .build(target, releaseYear, List.of(latest));
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
          .build(target, releaseYear, List.of(base, latest));
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
    return Outcome.of(status, reason("direction.rule"))
        .ratio(ratio)
        .figures(base, latest, List.of())
        .rates(observed, null)
        .projected(project(latest, observed, target.targetYear()))
        .build(target, releaseYear, List.of(base, latest));
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
    boolean finalYear = to >= target.targetYear();
    Outcome outcome =
        target.comparator() == TargetComparator.EQ
            ? inStep(own, other, finalYear)
            : atLeast(own, other, finalYear);
    List<Observation> used =
        new ArrayList<>(List.of(base, latest, at(related, from), at(related, to)));
    return outcome
        .figures(base, latest, List.of())
        .rates(own, other)
        .build(target, releaseYear, used);
  }

  /**
   * 基本同步 ("roughly in step"): the gap of annual growth A − B. At or above −0.5 pp the two move in
   * step; down to −2 pp progress is limited; below that, or A falling while B rises, it is
   * deterioration (a relation over the whole period is met only once the target year is observed).
   */
  private static Outcome inStep(double own, double other, boolean finalYear) {
    double gap = own - other;
    boolean fallingWhileRising = own < 0 && other > 0;
    boolean inStep = !fallingWhileRising && gap >= IN_STEP_ON_TRACK - EPSILON;
    LocalizedText why =
        reason(
            fallingWhileRising ? "relational.gapFalling" : "relational.gap",
            String.format(Locale.ROOT, "%.1f", gap * 100));
    if (finalYear) {
      return Outcome.of(
          inStep ? ProgressStatus.TARGET_ACHIEVED : ProgressStatus.NOT_ACHIEVED,
          reason("relational.finalYearGap", why.zh(), why.en()));
    }
    ProgressStatus status =
        inStep
            ? ProgressStatus.ON_TRACK
            : !fallingWhileRising && gap >= IN_STEP_LIMITED - EPSILON
                ? ProgressStatus.LIMITED
                : ProgressStatus.DETERIORATION;
    return Outcome.of(status, why);
  }

  /** 不低于 ("not lower than"): the indicator's growth at least the related indicator's. */
  private static Outcome atLeast(double own, double other, boolean finalYear) {
    boolean holds = own - other >= -EPSILON;
    if (finalYear) {
      return Outcome.of(
          holds ? ProgressStatus.TARGET_ACHIEVED : ProgressStatus.NOT_ACHIEVED,
          reason("relational.finalYear"));
    }
    if (holds) {
      return Outcome.of(ProgressStatus.ON_TRACK, reason("relational.onTrack"));
    }
    double ratio = other <= 0 ? (own >= other ? 1 : -1) : own / other;
    return Outcome.byRatio(ratio, "relational");
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
        ? Outcome.of(ProgressStatus.TARGET_ACHIEVED, reason("finalYear.met"))
        : Outcome.of(ProgressStatus.NOT_ACHIEVED, reason("finalYear.missed"));
  }

  private Progress insufficient(Target target, List<Observation> annual, int needed) {
    return Outcome.of(
            ProgressStatus.INSUFFICIENT_DATA,
            annual.isEmpty()
                ? reason("insufficient.none")
                : reason("insufficient.few", annual.size(), needed))
        .figures(
            annual.isEmpty() ? null : annual.get(0),
            annual.isEmpty() ? null : annual.get(annual.size() - 1),
            List.of())
        .build(target, releaseYear, annual);
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
      case GE -> value >= goal;
      case GT -> value > goal;
      case LE -> value <= goal;
      case LT -> value < goal;
      case EQ, INCREASE, DECREASE, ACHIEVE -> value == goal;
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

  /**
   * The reason {@code progress.reason.<key>} of the bundle in both languages ({@link
   * UserMessages}).
   */
  static LocalizedText reason(String key, Object... arguments) {
    return LocalizedText.of(
        UserMessages.get("progress.reason." + key + ".zh", arguments),
        UserMessages.get("progress.reason." + key + ".en", arguments));
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
    /** The outcome read off the ratio R of the formula {@code progress.formula.<formula>}. */
    static Outcome byRatio(double ratio, String formula) {
      String formulaZh = UserMessages.get("progress.formula." + formula + ".zh");
      String formulaEn = UserMessages.get("progress.formula." + formula + ".en");
      ProgressStatus status =
          ratio >= ON_TRACK
              ? ProgressStatus.ON_TRACK
              : ratio >= MODERATE
                  ? ProgressStatus.MODERATE
                  : ratio >= 0 ? ProgressStatus.LIMITED : ProgressStatus.DETERIORATION;
      Outcome outcome =
          new Outcome(
              status,
              LocalizedText.of(
                  UserMessages.get(
                      "progress.ratio.zh", formulaZh, String.format(Locale.ROOT, "%.2f", ratio)),
                  UserMessages.get(
                      "progress.ratio.en", formulaEn, String.format(Locale.ROOT, "%.2f", ratio))));
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
    Progress build(Target target, int releaseYear, List<Observation> used) {
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
      return draft
          .withSummary(ProgressSummary.of(target, draft, running, releaseYear))
          .labelledIfDemo();
    }
  }
}
