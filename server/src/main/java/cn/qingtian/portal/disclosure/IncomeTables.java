package cn.qingtian.portal.disclosure;

import cn.qingtian.portal.api.Sha256;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/** The count tables of one year built from the microdata: households by a row group and bracket. */
public final class IncomeTables {

  private static final List<String> BRACKETS =
      Arrays.stream(IncomeBracket.values()).map(Enum::name).toList();

  /** The sensitive flags, each a county-level table of its own. */
  static final Map<String, Predicate<Household>> FLAGS =
      Map.of(
          "LOW_INCOME_FARM", Household::lowIncomeFarm,
          "DIBAO", Household::dibao,
          "QIAOJUAN", Household::qiaojuan);

  private IncomeTables() {}

  /** {@link #contributors(List, int, List, Function, Predicate)} of a table by its name. */
  static List<String> contributors(List<Household> households, int year, String table) {
    return switch (table) {
      case "TOWNSHIP" ->
          contributors(
              households,
              year,
              Township.ALL.stream().map(Township::code).toList(),
              Household::township,
              h -> true);
      case "AREA" ->
          contributors(
              households,
              year,
              List.of("URBAN", "RURAL"),
              h -> h.urban() ? "URBAN" : "RURAL",
              h -> true);
      default -> contributors(households, year, List.of(table), h -> table, FLAGS.get(table));
    };
  }

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
   * flags are never crossed with townships (docs/decisions/methods.md §2, rule 4).
   */
  public static CountTable withFlag(
      List<Household> households, int year, String flag, Predicate<Household> hasFlag) {
    return build(households, year, List.of(flag), h -> flag, hasFlag);
  }

  /**
   * For each cell of a table (row by row, as {@link CountTable} numbers them), a SHA-256 of the
   * microdata rows that fall in it: the part of a cell's identity that changes when, and only when,
   * the data behind the cell change (each row hashed whole, then the hashes sorted, so the order of
   * the rows does not matter).
   */
  static List<String> contributors(
      List<Household> households,
      int year,
      List<String> rows,
      Function<Household, String> row,
      Predicate<Household> included) {
    List<List<String>> hashes = new ArrayList<>();
    for (int i = 0; i < rows.size() * BRACKETS.size(); i++) {
      hashes.add(new ArrayList<>());
    }
    for (Household h : households) {
      if (h.year() == year && included.test(h)) {
        int cell =
            rows.indexOf(row.apply(h)) * BRACKETS.size() + IncomeBracket.of(h.income()).ordinal();
        hashes.get(cell).add(Sha256.hex(canonical(h)));
      }
    }
    return hashes.stream()
        .map(
            list -> {
              list.sort(null);
              return Sha256.hex(String.join("\n", list));
            })
        .toList();
  }

  /** Every field of a household's row, in order: what its hash covers. */
  static String canonical(Household h) {
    return String.join(
        "\u001f",
        h.id(),
        h.township(),
        Integer.toString(h.year()),
        Integer.toString(h.size()),
        Boolean.toString(h.urban()),
        Long.toString(h.income()),
        Boolean.toString(h.lowIncomeFarm()),
        Boolean.toString(h.dibao()),
        Boolean.toString(h.qiaojuan()));
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
