package cn.qingtian.portal.web.archfixture;

import cn.qingtian.portal.plan.Plan;

/** Planted for ArchitectureRulesTest: a core package using a feature. */
public class WebUsesPlan {
  Plan plan;
}
