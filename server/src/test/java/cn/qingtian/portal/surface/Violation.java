package cn.qingtian.portal.surface;

/** One thing a public surface must not show, where it showed it. */
record Violation(Rule rule, String where, String detail) {

  /** What the audit looks for (docs/disclosure-control.md, "How it is checked"). */
  enum Rule {
    /** A DEMO value, or text written from DEMO values, without the label in the same unit. */
    UNLABELLED_DEMO,
    /** A figure from fewer than 10 contributors, or a figure the gate withheld. */
    FEWER_THAN_TEN,
    /** A value of one household (an id of the private microdata). */
    HOUSEHOLD,
    /** A value whose row names no source, or a source the release does not have. */
    NO_SOURCE
  }

  @Override
  public String toString() {
    return rule + " at " + where + ": " + detail;
  }
}
