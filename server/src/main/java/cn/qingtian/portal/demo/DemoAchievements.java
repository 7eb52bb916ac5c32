package cn.qingtian.portal.demo;

import cn.qingtian.portal.dataset.Row;
import cn.qingtian.portal.dataset.Table;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Synthetic achievements for the indicators computed from achievements ({@code computed_from =
 * ACHIEVEMENTS}): one per indicator and year, reported by the unit the document lists first for the
 * measure (a synthetic choice: the document names no lead unit), whose single output counts toward
 * the indicator. The yearly values come from the same trajectories as the demo observations, so the
 * measure-level targets show every progress status.
 */
final class DemoAchievements {

  static final String COMPUTED_FROM = "ACHIEVEMENTS";
  static final List<String> HEADER =
      List.of(
          "code",
          "year",
          "date",
          "title_zh",
          "title_en",
          "summary_zh",
          "summary_en",
          "provenance",
          "source");
  static final List<String> MEASURE_HEADER = List.of("achievement", "plan", "measure");
  static final List<String> DEPARTMENT_HEADER = List.of("achievement", "department");
  static final List<String> OUTPUT_HEADER =
      List.of(
          "achievement",
          "seq",
          "metric_zh",
          "metric_en",
          "comparator",
          "value",
          "unit_zh",
          "unit_en",
          "indicator",
          "counts");

  private record Counted(
      String plan, String measure, String nameZh, String nameEn, String unitZh, String unitEn) {}

  final List<List<String>> achievements = new ArrayList<>();
  final List<List<String>> measures = new ArrayList<>();
  final List<List<String>> departments = new ArrayList<>();
  final List<List<String>> outputs = new ArrayList<>();

  private final Map<String, Counted> counted = new HashMap<>();
  private final Map<String, String> firstListed = new HashMap<>();
  private final String source;

  DemoAchievements(Table indicators, Table measureDepartments, String source) {
    this.source = source;
    for (Row row : indicators.rows()) {
      if (COMPUTED_FROM.equals(row.get(indicators.schema().indexOf("computed_from")))) {
        counted.put(
            str(row, indicators, "code"),
            new Counted(
                str(row, indicators, "plan"),
                str(row, indicators, "measure"),
                str(row, indicators, "name_zh"),
                str(row, indicators, "name_en"),
                str(row, indicators, "unit_zh"),
                str(row, indicators, "unit_en")));
      }
    }
    for (Row row : measureDepartments.rows()) {
      if ("1".equals(str(row, measureDepartments, "seq"))) {
        firstListed.putIfAbsent(
            str(row, measureDepartments, "plan") + "|" + str(row, measureDepartments, "measure"),
            str(row, measureDepartments, "department"));
      }
    }
  }

  /** Whether the indicator's yearly values are reported as achievements instead of observations. */
  boolean counts(String indicator) {
    return counted.containsKey(indicator);
  }

  /**
   * Adds the achievement of one indicator and year; years before the plan and zeros are left out.
   */
  void add(String indicator, int year, String value) {
    Counted c = counted.get(indicator);
    if (year < DemoGenerator.BASE_YEAR + 1 || value.equals("0")) {
      return;
    }
    String code = "DEMO_ACH_%s_%d".formatted(indicator, year);
    achievements.add(
        List.of(
            code,
            Integer.toString(year),
            year + "-12-15",
            "（演示）%d年%s：%s%s".formatted(year, c.nameZh(), value, c.unitZh()),
            "(DEMO) %d: %s, %s %s".formatted(year, c.nameEn(), value, c.unitEn()),
            "演示数据：合成的成果记录，非真实成果；计入该措施的量化目标。",
            "DEMO: a synthetic achievement, not a real one; it counts toward the measure's target.",
            "DEMO",
            source));
    measures.add(List.of(code, c.plan(), c.measure()));
    String reporter = firstListed.get(c.plan() + "|" + c.measure());
    if (reporter != null) {
      departments.add(List.of(code, reporter));
    }
    outputs.add(
        List.of(
            code,
            "1",
            c.nameZh(),
            c.nameEn(),
            "EQ",
            value,
            c.unitZh(),
            c.unitEn(),
            indicator,
            "PROGRESS"));
  }

  private static String str(Row row, Table table, String column) {
    Object value = row.get(table.schema().indexOf(column));
    return value == null ? null : value.toString();
  }
}
