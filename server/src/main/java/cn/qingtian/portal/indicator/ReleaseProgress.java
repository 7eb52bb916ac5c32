package cn.qingtian.portal.indicator;

import cn.qingtian.portal.plan.Target;
import cn.qingtian.portal.plan.TargetPlacement;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Every target's progress in one release, computed once (data changes only at a release, D4), with
 * the indicators' headline progress and the roll-ups over any set of targets.
 */
record ReleaseProgress(
    Map<String, Progress> byTarget,
    Map<String, Progress> byIndicator,
    Map<String, String> geographyOfPlan,
    List<TargetPlacement> placements) {

  Progress target(Target target) {
    return byTarget.get(target.code());
  }

  /** Counts by status over the targets whose placement matches. */
  ProgressCounts counts(Predicate<TargetPlacement> which) {
    Map<ProgressStatus, Integer> byStatus = new EnumMap<>(ProgressStatus.class);
    // Nothing counted yet: a roll-up over targets without data stays NO_DATA, never OFFICIAL.
    Provenance provenance = Provenance.NO_DATA;
    int total = 0;
    for (TargetPlacement placement : placements) {
      Progress progress = byTarget.get(placement.targetCode());
      if (progress != null && which.test(placement)) {
        byStatus.merge(progress.status(), 1, Integer::sum);
        provenance = provenance.weakerOf(progress.provenance());
        total++;
      }
    }
    List<StatusCount> counts =
        byStatus.entrySet().stream().map(e -> new StatusCount(e.getKey(), e.getValue())).toList();
    return new ProgressCounts(total, counts, provenance);
  }

  /**
   * The headline of an indicator: its least favourable target, at the weakest provenance; labelled
   * DEMO when another target's DEMO figures make it so.
   */
  static Progress headline(Collection<Progress> targets) {
    ProgressStatus least =
        ProgressStatus.leastFavourable(targets.stream().map(Progress::status).toList());
    Provenance weakest = Provenance.weakest(targets.stream().map(Progress::provenance).toList());
    Progress chosen = targets.stream().filter(p -> p.status() == least).findFirst().orElseThrow();
    return chosen.provenance() == weakest
        ? chosen
        : chosen.withProvenance(weakest).labelledIfDemo();
  }

  /** The number of targets with a status. */
  record StatusCount(ProgressStatus status, int count) {}

  /** Progress counts over a set of targets. */
  record ProgressCounts(int total, List<StatusCount> byStatus, Provenance provenance) {

    int count(ProgressStatus status) {
      return byStatus.stream().filter(c -> c.status() == status).mapToInt(StatusCount::count).sum();
    }
  }

  /**
   * The final evaluation of the plan period over a set of targets (decisions D8, D27): achieved
   * (final), achieved ahead of a target year not yet observed (provisional), not achieved, judged
   * only by projection, and those that cannot be judged.
   */
  record FinalEvaluation(
      int total,
      int achieved,
      int achievedAhead,
      int notAchieved,
      int projected,
      int cannotBeJudged,
      Provenance provenance) {

    static FinalEvaluation of(ProgressCounts counts) {
      int achieved = counts.count(ProgressStatus.TARGET_ACHIEVED);
      int ahead = counts.count(ProgressStatus.ACHIEVED_AHEAD);
      int notAchieved = counts.count(ProgressStatus.NOT_ACHIEVED);
      int cannot =
          counts.count(ProgressStatus.INSUFFICIENT_DATA)
              + counts.count(ProgressStatus.NOT_ASSESSABLE);
      return new FinalEvaluation(
          counts.total(),
          achieved,
          ahead,
          notAchieved,
          counts.total() - achieved - ahead - notAchieved - cannot,
          cannot,
          counts.provenance());
    }
  }
}
