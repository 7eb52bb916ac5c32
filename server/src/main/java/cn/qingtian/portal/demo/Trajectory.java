package cn.qingtian.portal.demo;

import cn.qingtian.portal.dataset.Row;
import cn.qingtian.portal.dataset.Table;
import cn.qingtian.portal.plan.TargetComparator;
import cn.qingtian.portal.plan.TargetKind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One synthetic series: its yearly values and how they were meant (see docs/data.md, "The demo
 * package"). Levels follow a compound growth built to show the scenario's progress ratio R against
 * the target; counts follow a yearly pace; milestones switch from 0 to 1.
 */
record Trajectory(
    String indicator,
    String unit,
    Map<Integer, Double> values,
    double noise,
    @Nullable Double partialYear) {

  /** Plans one trajectory per quantified indicator, in the order of the indicators. */
  static List<Trajectory> plan(Table indicators, Table targets) {
    Map<String, List<Row>> targetsOf = new LinkedHashMap<>();
    List<String> related = new ArrayList<>();
    for (Row target : targets.rows()) {
      targetsOf
          .computeIfAbsent(str(target, targets, "indicator"), k -> new ArrayList<>())
          .add(target);
      String relatedCode = str(target, targets, "related_indicator");
      if (relatedCode != null) {
        related.add(relatedCode);
      }
    }
    List<Trajectory> planned = new ArrayList<>();
    int index = 0;
    List<Row> ordered =
        indicators.rows().stream()
            .sorted(Comparator.comparingLong(r -> (Long) r.get(indicators.schema().indexOf("seq"))))
            .toList();
    for (Row indicator : ordered) {
      String code = str(indicator, indicators, "code");
      String unit = str(indicator, indicators, "unit_zh");
      String computedFrom = str(indicator, indicators, "computed_from");
      if ("CHARITY_REGISTRY".equals(computedFrom)) {
        continue; // counted from the demo charities, never typed in
      }
      List<Row> own =
          targetsOf.getOrDefault(code, List.of()).stream()
              .filter(t -> str(t, targets, "unmeasurable_reason_zh") == null)
              .toList();
      if (own.isEmpty()) {
        if (related.contains(code)) {
          planned.add(steadyGrowth(code, unit, 100_000, 0.06, 2024));
        }
        continue;
      }
      Scenario scenario = Scenario.nth(index++);
      if ("INCOME_TABLES".equals(computedFrom)) {
        continue; // computed from the protected income tables (its scenario slot is kept)
      }
      if (scenario != Scenario.NO_DATA) {
        planned.add(forTarget(code, unit, driving(own, targets), own, targets, scenario));
      }
    }
    return planned;
  }

  /** The kinds whose target is a value to reach: one of them shapes the series if there is one. */
  private static final Set<TargetKind> SHAPING_KINDS =
      EnumSet.of(
          TargetKind.LEVEL,
          TargetKind.SHARE,
          TargetKind.FULL_COVERAGE,
          TargetKind.CEILING,
          TargetKind.FLOOR);

  /** The target that shapes the series: a level if there is one, else the first. */
  private static Row driving(List<Row> own, Table targets) {
    return own.stream()
        .filter(t -> SHAPING_KINDS.contains(TargetKind.valueOf(str(t, targets, "kind"))))
        .findFirst()
        .orElse(own.get(0));
  }

  private static Trajectory forTarget(
      String code, String unit, Row target, List<Row> own, Table targets, Scenario scenario) {
    TargetKind kind = TargetKind.valueOf(str(target, targets, "kind"));
    TargetComparator comparator = TargetComparator.valueOf(str(target, targets, "comparator"));
    int last = scenario.lastYear();
    return switch (kind) {
      case GROWTH_RATE ->
          growth(code, unit, decimal(target, targets, "value") / 100, scenario, 20_000);
      case CUMULATIVE_COUNT -> cumulative(code, unit, decimal(target, targets, "value"), scenario);
      case ANNUAL_COUNT -> annualCount(code, unit, decimal(target, targets, "value"), scenario);
      case DYNAMIC_ZERO -> dynamicZero(code, unit, scenario);
      case MILESTONE -> milestone(code, unit, scenario);
      case DIRECTION -> direction(code, unit, comparator != TargetComparator.DECREASE, scenario);
      case RELATIONAL -> steadyGrowth(code, unit, 50_000, 0.06 + relationalGap(scenario), last);
      case LEVEL, SHARE, CEILING, FLOOR, FULL_COVERAGE ->
          level(
              code,
              unit,
              decimal(target, targets, "value"),
              comparator != TargetComparator.LE && comparator != TargetComparator.LT,
              siblingGrowth(own, targets),
              scenario);
    };
  }

  private static Trajectory level(
      String code,
      String unit,
      double goal,
      boolean higherIsBetter,
      @Nullable Double growth,
      Scenario scenario) {
    boolean percent = unit.equals("%");
    double base;
    if (growth != null) {
      base = goal / Math.pow(1 + growth, 5);
    } else if (!higherIsBetter) {
      base = goal * 1.25;
    } else if (unit.equals("岁") || unit.equals("年")) {
      base = goal * 0.985; // life expectancy and years of schooling move slowly
    } else {
      base = unit.equals("元") ? goal / Math.pow(1.07, 5) : goal * 0.82;
    }
    int last = scenario.lastYear();
    double required = Math.pow(goal / base, 1.0 / 5) - 1;
    double observed;
    if (scenario.achieves()) {
      double end = higherIsBetter ? goal * 1.03 : goal * 0.9;
      observed = Math.pow(end / base, 1.0 / (last - DemoGenerator.BASE_YEAR)) - 1;
    } else {
      observed = scenario.ratio() * required;
    }
    Map<Integer, Double> values = new LinkedHashMap<>();
    for (int year = DemoGenerator.BASE_YEAR; year <= last; year++) {
      double value = base * Math.pow(1 + observed, year - DemoGenerator.BASE_YEAR);
      values.put(year, percent ? Math.min(100, value) : value);
    }
    // January–September of the next year (or of 2025), as Chinese statistics publish it.
    Double partial = code.equals("DISPOSABLE_INCOME_PER_CAPITA") ? values.get(last) * 0.76 : null;
    // Small year-to-year noise, smaller for slow-moving values (life expectancy, schooling).
    double noise = unit.equals("岁") || unit.equals("年") ? 0.001 : 0.008;
    return new Trajectory(code, unit, values, noise, partial);
  }

  private static Trajectory growth(
      String code, String unit, double goal, Scenario scenario, double base) {
    double rate = scenario.achieves() ? goal * 1.1 : scenario.ratio() * goal;
    return steadyGrowth(code, unit, base, rate, scenario.lastYear());
  }

  private static Trajectory steadyGrowth(
      String code, String unit, double base, double rate, int last) {
    Map<Integer, Double> values = new LinkedHashMap<>();
    for (int year = DemoGenerator.BASE_YEAR; year <= last; year++) {
      values.put(year, base * Math.pow(1 + rate, year - DemoGenerator.BASE_YEAR));
    }
    return new Trajectory(code, unit, values, 0.008, null);
  }

  private static Trajectory cumulative(String code, String unit, double goal, Scenario scenario) {
    // Yearly counts are differences of a rounded running total, so small targets (1 factory,
    // 2 resettlement communities) still add up to the intended share.
    Map<Integer, Double> values = new LinkedHashMap<>();
    long previous = 0;
    for (int year = DemoGenerator.BASE_YEAR; year <= scenario.lastYear(); year++) {
      int k = year - DemoGenerator.BASE_YEAR;
      double share =
          scenario.achieves()
              ? 1.25
              : scenario.ratio() < 0 ? Math.max(0, 0.9 - 0.2 * k) : scenario.ratio();
      if (k == 0) {
        values.put(year, (double) Math.round(goal / 5 * share)); // the year before the period
        continue;
      }
      long running = Math.round(goal * share * k / 5);
      values.put(year, (double) Math.max(0, running - previous));
      previous = Math.max(previous, running);
    }
    return new Trajectory(code, unit, values, 0, null);
  }

  private static Trajectory annualCount(String code, String unit, double goal, Scenario scenario) {
    Map<Integer, Double> values = new LinkedHashMap<>();
    int last = scenario.lastYear();
    for (int year = DemoGenerator.BASE_YEAR; year <= last; year++) {
      double share =
          switch (scenario) {
            case ACHIEVED_2025, ACHIEVED_2024 -> 1.1;
            case ON_TRACK_2024, ON_TRACK_2023 -> 1.05;
            case MODERATE_2024, MODERATE_2023 -> year == last ? 0.8 : 1.0;
            case LIMITED_2023, LIMITED_2024 -> 0.5;
            case DETERIORATION_2024 -> year == last ? 0.85 : 1.05;
            default -> year == 2023 ? 0.9 : 1.05;
          };
      values.put(year, (double) Math.round(goal * share));
    }
    return new Trajectory(code, unit, values, 0, null);
  }

  private static Trajectory dynamicZero(String code, String unit, Scenario scenario) {
    double end =
        switch (scenario) {
          case ACHIEVED_2025, ACHIEVED_2024, ON_TRACK_2024, ON_TRACK_2023 -> 0;
          case MODERATE_2024, MODERATE_2023 -> 10;
          case LIMITED_2023, LIMITED_2024 -> 30;
          case DETERIORATION_2024 -> 48;
          default -> 5;
        };
    Map<Integer, Double> values = new LinkedHashMap<>();
    int last = scenario.lastYear();
    for (int year = DemoGenerator.BASE_YEAR; year <= last; year++) {
      values.put(
          year,
          (double)
              Math.round(
                  40
                      + (end - 40)
                          * (year - DemoGenerator.BASE_YEAR)
                          / (double) (last - DemoGenerator.BASE_YEAR)));
    }
    return new Trajectory(code, unit, values, 0, null);
  }

  private static Trajectory milestone(String code, String unit, Scenario scenario) {
    Map<Integer, Double> values = new LinkedHashMap<>();
    int last = scenario.lastYear();
    for (int year = 2021; year <= last; year++) {
      values.put(year, scenario.achieves() && year == last ? 1.0 : 0.0);
    }
    return new Trajectory(code, unit, values, 0, null);
  }

  private static Trajectory direction(String code, String unit, boolean up, Scenario scenario) {
    double rate =
        switch (scenario) {
          case ACHIEVED_2025, ACHIEVED_2024, ON_TRACK_2024, ON_TRACK_2023 -> 0.025;
          case MODERATE_2024, MODERATE_2023 -> 0.01;
          case LIMITED_2023, LIMITED_2024 -> 0.003;
          default -> -0.01;
        };
    double base = unit.equals("%") ? 20 : 100;
    return steadyGrowth(code, unit, base, up ? rate : -rate, scenario.lastYear());
  }

  /** Growth of a relational indicator against the 6 % of the one it is compared with. */
  private static double relationalGap(Scenario scenario) {
    return switch (scenario) {
      case ACHIEVED_2025, ACHIEVED_2024, ON_TRACK_2024, ON_TRACK_2023 -> 0.004;
      case MODERATE_2024, MODERATE_2023 -> -0.015;
      case LIMITED_2023, LIMITED_2024, MISSED_2025 -> -0.03;
      default -> -0.07;
    };
  }

  /** The annual growth target beside a level target (农村居民收入: 两位数增长 and 4.4 万元). */
  private static @Nullable Double siblingGrowth(List<Row> own, Table targets) {
    return own.stream()
        .filter(t -> Objects.equals(str(t, targets, "kind"), "GROWTH_RATE"))
        .map(t -> decimal(t, targets, "value") / 100)
        .findFirst()
        .orElse(null);
  }

  private static @Nullable String str(Row row, Table table, String field) {
    return (String) row.get(table.schema().indexOf(field));
  }

  private static Double decimal(Row row, Table table, String field) {
    return ((BigDecimal) row.get(table.schema().indexOf(field))).doubleValue();
  }
}
