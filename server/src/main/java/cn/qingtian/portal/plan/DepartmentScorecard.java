package cn.qingtian.portal.plan;

import cn.qingtian.portal.architecture.FeatureInterface;

/**
 * A department's scorecard: the plan feature resolves its measures, targets and progress; the
 * achievement feature its achievements and last update.
 */
@FeatureInterface
public record DepartmentScorecard(String departmentCode) {}
