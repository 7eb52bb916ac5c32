package cn.qingtian.portal.plan.archfixture;

import cn.qingtian.portal.indicator.archfixture.Declared;

/** Planted for ArchitectureRulesTest: a declared type, but plan may use no other feature. */
public class PlanUsesIndicator {
  Declared declared;
}
