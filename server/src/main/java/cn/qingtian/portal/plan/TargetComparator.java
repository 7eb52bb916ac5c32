package cn.qingtian.portal.plan;

import cn.qingtian.portal.architecture.FeatureInterface;

/**
 * How a target's value is compared, the closed set of {@code targets.comparator} in the data
 * package and of the API's {@code Comparator}. A value outside this set is refused at import with
 * its file:row:column ({@link PlanClosedSets}).
 */
@FeatureInterface
public enum TargetComparator {
  GE,
  GT,
  LE,
  LT,
  EQ,
  INCREASE,
  DECREASE,
  ACHIEVE;

  /** Whether the higher value is the better one: all but LE, LT and DECREASE. */
  public boolean higherIsBetter() {
    return this != LE && this != LT && this != DECREASE;
  }
}
