package cn.qingtian.portal.plan;

/**
 * The level of a plan, the closed set of {@code plans.level} in the data package and of the API's
 * {@code PlanLevel}. A value outside this set is refused at import with its file:row:column ({@link
 * PlanClosedSets}).
 */
public enum PlanLevel {
  PROVINCE,
  CITY,
  COUNTY
}
