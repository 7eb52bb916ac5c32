package cn.qingtian.portal.disclosure;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/** The count tables of one year built from the microdata: households by a row group and bracket. */
public final class IncomeTables {

  private static final List<String> BRACKETS =
      Arrays.stream(IncomeBracket.values()).map(Enum::name).toList();

  private IncomeTables() {}

  /** Households by township × income bracket. */
  public static CountTable byTownship(List<Household> households, int year) {
    return build(
        households,
        year,
        Township.ALL.stream().map(Township::code).toList(),
        Household::township,
        h -> true);
  }

  /** Households by urban/rural × income bracket. */
  public static CountTable byArea(List<Household> households, int year) {
    return build(
        households, year, List.of("URBAN", "RURAL"), h -> h.urban() ? "URBAN" : "RURAL", h -> true);
  }

  /**
   * County-level households with a sensitive flag (低收入农户, 低保 or 侨眷) by bracket, one row: sensitive
   * flags are never crossed with townships (methods.md §2, rule 4).
   */
  public static CountTable withFlag(
      List<Household> households, int year, String flag, Predicate<Household> hasFlag) {
    return build(households, year, List.of(flag), h -> flag, hasFlag);
  }

  private static CountTable build(
      List<Household> households,
      int year,
      List<String> rows,
      Function<Household, String> row,
      Predicate<Household> included) {
    long[][] cells = new long[rows.size()][BRACKETS.size()];
    for (Household h : households) {
      if (h.year() == year && included.test(h)) {
        int r = rows.indexOf(row.apply(h));
        cells[r][IncomeBracket.of(h.income()).ordinal()]++;
      }
    }
    return new CountTable(rows, BRACKETS, cells);
  }
}
