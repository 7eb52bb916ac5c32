package cn.qingtian.portal.plan;

import cn.qingtian.portal.architecture.FeatureInterface;

/**
 * The kind of a target (decision D2), the closed set of {@code targets.kind} in the data package
 * and of the API's {@code TargetKind}: progress is judged by a rule of its own for each
 * (docs/methodology.md). A value outside this set is refused at import with its file:row:column
 * ({@link PlanClosedSets}), so none reaches the progress calculator.
 */
@FeatureInterface
public enum TargetKind {
  LEVEL,
  SHARE,
  GROWTH_RATE,
  CUMULATIVE_COUNT,
  ANNUAL_COUNT,
  CEILING,
  FLOOR,
  FULL_COVERAGE,
  DYNAMIC_ZERO,
  MILESTONE,
  DIRECTION,
  RELATIONAL
}
