package cn.qingtian.portal.disclosure;

import cn.qingtian.portal.dataset.ReleaseTables;
import cn.qingtian.portal.dataset.Row;
import cn.qingtian.portal.dataset.Table;
import cn.qingtian.portal.indicator.ComputedSeries;
import cn.qingtian.portal.indicator.Observation;
import cn.qingtian.portal.indicator.Period;
import cn.qingtian.portal.indicator.Provenance;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The plan's household income shares (10–50万, 20–60万) as observations, computed at import from the
 * county row of the protected township table ({@code computed_from = INCOME_TABLES}): the published
 * (rounded) counts of the fine brackets that make up a plan bracket, over the published total. A
 * year with any of them withheld has no share.
 */
@Component
class IncomeShares implements ComputedSeries {

  static final String SOURCE = "PORTAL_INCOME_TABLES";
  private static final Map<String, List<IncomeBracket>> BRACKETS =
      Map.of(
          "HOUSEHOLD_INCOME_100K_500K_SHARE", Disclosure.PLAN_BRACKETS.get("100K_500K"),
          "HOUSEHOLD_INCOME_200K_600K_SHARE", Disclosure.PLAN_BRACKETS.get("200K_600K"));

  @Override
  public String computedFrom() {
    return "INCOME_TABLES";
  }

  @Override
  public List<Observation> observations(
      ReleaseTables release, String indicatorCode, String geography, int firstYear, int lastYear) {
    List<IncomeBracket> brackets = BRACKETS.get(indicatorCode);
    Table cells = release.table(DisclosureTables.CELLS).orElse(null);
    if (brackets == null || cells == null) {
      return List.of();
    }
    // The county row of the protected township table, year by year: counts already rounded and
    // suppressed by the income step that ran before.
    Map<Integer, Map<String, Row>> countyRow = new TreeMap<>();
    for (Row row : cells.rows()) {
      int year = ((Long) cells.value(row, "year")).intValue();
      if ("TOWNSHIP".equals(cells.value(row, "table_name"))
          && "_T".equals(cells.value(row, "row_code"))
          && year >= firstYear
          && year <= lastYear) {
        countyRow
            .computeIfAbsent(year, y -> new HashMap<>())
            .put((String) cells.value(row, "column_code"), row);
      }
    }
    List<Observation> shares = new ArrayList<>();
    countyRow.forEach(
        (year, byColumn) ->
            share(cells, indicatorCode, geography, year, byColumn, brackets)
                .ifPresent(shares::add));
    return shares;
  }

  private static Optional<Observation> share(
      Table cells,
      String indicator,
      String geography,
      int year,
      Map<String, Row> byColumn,
      List<IncomeBracket> brackets) {
    Long total = count(cells, byColumn.get("_T"));
    if (total == null || total == 0) {
      return Optional.empty();
    }
    long sum = 0;
    for (IncomeBracket bracket : brackets) {
      Long count = count(cells, byColumn.get(bracket.name()));
      if (count == null) {
        return Optional.empty();
      }
      sum += count;
    }
    return Optional.of(
        new Observation(
            indicator,
            geography,
            Period.parse(Integer.toString(year)),
            Observation.TOTAL,
            Math.round(1000.0 * sum / total) / 10.0,
            "%",
            "FINAL",
            Provenance.valueOf((String) cells.value(byColumn.get("_T"), "provenance")),
            SOURCE,
            "按披露控制后的县级户数（舍入到5）计算",
            "From county household counts after disclosure control (rounded to base 5)"));
  }

  private static @Nullable Long count(Table cells, @Nullable Row cell) {
    return cell == null ? null : (Long) cells.value(cell, "count");
  }
}
