package cn.qingtian.portal.disclosure;

/**
 * Why a cell is not published. The protection works with the specific reasons; what is published is
 * always {@link #WITHHELD}, because a specific reason narrows the value it hides
 * (docs/disclosure-control.md, attack finding 4): "fewer than 10" says 1–9, "a whole group" says
 * the cell holds its row's total.
 */
public enum Reason {
  /** Fewer than 10 households (primary). */
  THRESHOLD,
  /**
   * All households of a group fall into this one cell, which would tell their attribute (primary).
   */
  GROUP_DISCLOSURE,
  /** Suppressed so that a primary cell cannot be derived from the published cells and totals. */
  SECONDARY,
  /**
   * The only reason published: the entry is withheld, which tells nothing but that it is a count
   * (at least 0). The interval audit models exactly that.
   */
  WITHHELD
}
