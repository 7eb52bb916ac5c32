package cn.qingtian.portal.plan;

/**
 * The kind of a measure (decision D1), the closed set of {@code measures.kind} in the data package
 * and of the API's {@code MeasureKind}, in the document's order. A value outside this set is
 * refused at import with its file:row:column ({@link PlanClosedSets}).
 */
public enum MeasureKind {
  PATH,
  GROUP,
  SAFEGUARD
}
