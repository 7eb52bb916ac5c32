package cn.qingtian.portal.architecture.archfixture;

import cn.qingtian.portal.plan.Plan;

/** Planted for ArchitectureRulesTest: the marker package using a feature. */
public class MarkerUsesPlan {
  Plan plan;
}
