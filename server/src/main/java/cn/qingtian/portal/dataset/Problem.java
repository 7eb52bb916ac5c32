package cn.qingtian.portal.dataset;

/**
 * One problem found in a data package, located as {@code file:row:column} and worded in Chinese and
 * English (decision D13, docs/decisions/0013-errors-for-people.md). Rows count as a spreadsheet
 * does: the header is row 1.
 */
public record Problem(String file, int row, int column, String zh, String en) {

  @Override
  public String toString() {
    return file + ":" + row + ":" + column + ": " + zh + " / " + en;
  }
}
