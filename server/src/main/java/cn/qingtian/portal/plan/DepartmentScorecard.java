package cn.qingtian.portal.plan;

/**
 * A department's scorecard: the plan feature resolves its measures, targets and progress; the
 * achievement feature its achievements and last update.
 */
public record DepartmentScorecard(String departmentCode) {}
