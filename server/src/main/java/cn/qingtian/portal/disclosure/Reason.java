package cn.qingtian.portal.disclosure;

/** Why a cell is not published. */
public enum Reason {
  /** Fewer than 10 households (primary). */
  THRESHOLD,
  /**
   * All households of a group fall into this one cell, which would tell their attribute (primary).
   */
  GROUP_DISCLOSURE,
  /** Suppressed so that a primary cell cannot be derived from the published cells and totals. */
  SECONDARY
}
