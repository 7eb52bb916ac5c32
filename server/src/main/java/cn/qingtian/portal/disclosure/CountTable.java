package cn.qingtian.portal.disclosure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A two-way frequency table (households by row group and column group) with its row, column and
 * grand totals, and which of those entries are suppressed and why. Entries are numbered: cells row
 * by row, then row totals, column totals, and the grand total. The true counts stay inside this
 * package; {@link #published(int)} gives what may be shown: the count rounded to base 5, or
 * nothing.
 */
public final class CountTable {

  /** Published counts are rounded to a multiple of this. */
  public static final int ROUNDING_BASE = 5;

  /** Cells and totals below this many households are not published. */
  public static final int THRESHOLD = DisclosureRules.MINIMUM_CONTRIBUTORS;

  private final List<String> rows;
  private final List<String> columns;
  private final long[] values;
  private final @Nullable Reason[] suppressed;

  CountTable(List<String> rows, List<String> columns, long[][] cells) {
    this.rows = List.copyOf(rows);
    this.columns = List.copyOf(columns);
    int r = rows.size();
    int c = columns.size();
    values = new long[r * c + r + c + 1];
    for (int i = 0; i < r; i++) {
      for (int j = 0; j < c; j++) {
        values[cell(i, j)] = cells[i][j];
        values[rowTotal(i)] += cells[i][j];
        values[columnTotal(j)] += cells[i][j];
        values[grandTotal()] += cells[i][j];
      }
    }
    suppressed = new Reason[values.length];
  }

  public List<String> rows() {
    return rows;
  }

  public List<String> columns() {
    return columns;
  }

  public int size() {
    return values.length;
  }

  public int cell(int row, int column) {
    return row * columns.size() + column;
  }

  public int rowTotal(int row) {
    return rows.size() * columns.size() + row;
  }

  public int columnTotal(int column) {
    return rows.size() * columns.size() + rows.size() + column;
  }

  public int grandTotal() {
    return values.length - 1;
  }

  public boolean isCell(int entry) {
    return entry < rows.size() * columns.size();
  }

  /** The published count (rounded to base 5), or null when the entry is suppressed. */
  public @Nullable Long published(int entry) {
    return suppressed[entry] != null ? null : roundToBase(values[entry]);
  }

  public @Nullable Reason reason(int entry) {
    return suppressed[entry];
  }

  public boolean isSuppressed(int entry) {
    return suppressed[entry] != null;
  }

  void suppress(int entry, Reason reason) {
    if (suppressed[entry] == null) {
      suppressed[entry] = reason;
    }
  }

  /** The true count: for the protection and the audit only. */
  long trueValue(int entry) {
    return values[entry];
  }

  /** Every additive relation: each line's members with coefficient +1 sum to its total (−1). */
  List<Line> lines() {
    List<Line> lines = new ArrayList<>();
    int r = rows.size();
    int c = columns.size();
    for (int i = 0; i < r; i++) {
      int[] members = new int[c];
      for (int j = 0; j < c; j++) {
        members[j] = cell(i, j);
      }
      lines.add(new Line(members, rowTotal(i)));
    }
    for (int j = 0; j < c; j++) {
      int[] members = new int[r];
      for (int i = 0; i < r; i++) {
        members[i] = cell(i, j);
      }
      lines.add(new Line(members, columnTotal(j)));
    }
    int[] rowTotals = new int[r];
    Arrays.setAll(rowTotals, this::rowTotal);
    lines.add(new Line(rowTotals, grandTotal()));
    int[] columnTotals = new int[c];
    Arrays.setAll(columnTotals, this::columnTotal);
    lines.add(new Line(columnTotals, grandTotal()));
    return lines;
  }

  static long roundToBase(long value) {
    return Math.round(value / (double) ROUNDING_BASE) * ROUNDING_BASE;
  }

  /** Members that add up to a total. */
  record Line(int[] members, int total) {

    int[] all() {
      int[] all = Arrays.copyOf(members, members.length + 1);
      all[members.length] = total;
      return all;
    }
  }
}
