package cn.qingtian.portal.indicator;

import cn.qingtian.portal.dataset.DerivedTables;
import cn.qingtian.portal.dataset.ImportRefusedException;
import cn.qingtian.portal.dataset.Problem;
import cn.qingtian.portal.dataset.ReleaseTables;
import cn.qingtian.portal.dataset.Row;
import cn.qingtian.portal.dataset.Table;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The last step of the disclosure gate: the release's {@code observations} table is the package's
 * typed-in observations plus the series of every indicator with a {@code computed_from} (income
 * shares from the protected income table, the charity count, the counts summed from achievements),
 * computed once here. So the API, the downloads in every format, the revisions and the change log
 * all carry the same rows, and a published release keeps its computed values (decision D4).
 */
@Component
@Order(DerivedObservations.ORDER)
class DerivedObservations implements DerivedTables {

  static final int ORDER = 300;
  static final String TABLE = "observations";

  private final Map<String, ComputedSeries> computed;

  DerivedObservations(List<ComputedSeries> computed) {
    this.computed =
        computed.stream()
            .collect(Collectors.toMap(ComputedSeries::computedFrom, Function.identity()));
  }

  @Override
  public List<Table> derive(ReleaseTables release) {
    Table typed = release.table(TABLE).orElse(null);
    Table indicators = release.table("indicators").orElse(null);
    Table planTable = release.table("plans").orElse(null);
    if (typed == null || indicators == null || planTable == null) {
      return List.of();
    }
    Map<String, Row> plans = byCode(release, "plans");
    Set<String> sources = byCode(release, "sources").keySet();
    Map<String, String> computedFrom = new HashMap<>();
    List<Row> rows = new ArrayList<>(typed.rows());
    for (Row indicator : indicators.rows()) {
      String code = (String) indicators.value(indicator, "code");
      Object from = indicators.value(indicator, "computed_from");
      Row plan = plans.get((String) indicators.value(indicator, "plan"));
      if (from == null || plan == null || !computed.containsKey(from.toString())) {
        continue;
      }
      computedFrom.put(code, from.toString());
      int start = ((Long) planTable.value(plan, "period_start")).intValue();
      int end = ((Long) planTable.value(plan, "period_end")).intValue();
      for (Observation observation :
          computed
              .get(from.toString())
              .observations(
                  release, code, (String) planTable.value(plan, "geography"), start - 1, end)) {
        if (!sources.contains(observation.sourceCode())) {
          throw refused(
              indicators.resource().path(),
              indicator,
              "计算所得的观测值引用了来源表中没有的来源 " + observation.sourceCode(),
              "computed observations cite a source missing from sources.csv: "
                  + observation.sourceCode());
        }
        rows.add(row(typed, observation, rows.size() + 2));
      }
    }
    for (Row row : typed.rows()) {
      String indicator = (String) typed.value(row, "indicator");
      if (computedFrom.containsKey(indicator)) {
        throw refused(
            row.file(),
            row,
            "指标 " + indicator + " 由 " + computedFrom.get(indicator) + " 计算得出，不能另行填写观测值",
            "indicator "
                + indicator
                + " is computed from "
                + computedFrom.get(indicator)
                + ": its observations are not typed in");
      }
    }
    return List.of(new Table(typed.resource(), List.copyOf(rows)));
  }

  private static Map<String, Row> byCode(ReleaseTables release, String name) {
    Map<String, Row> rows = new HashMap<>();
    release
        .table(name)
        .ifPresent(
            table -> table.rows().forEach(row -> rows.put((String) table.value(row, "code"), row)));
    return rows;
  }

  /** An observation as a row of the package's observations table, in its field order. */
  private static Row row(Table table, Observation observation, int number) {
    Map<String, @Nullable Object> values = new HashMap<>();
    values.put("indicator", observation.indicatorCode());
    values.put("geography", observation.geography());
    values.put("period", observation.period().code());
    values.put("disaggregation", observation.disaggregation());
    values.put("value", decimal(observation.value()));
    values.put("unit_zh", observation.unit());
    values.put("status", observation.status());
    values.put("provenance", observation.provenance().name());
    values.put("source", observation.sourceCode());
    values.put("footnote_zh", observation.footnoteZh());
    values.put("footnote_en", observation.footnoteEn());
    Set<String> known = new HashSet<>(table.schema().fieldNames());
    known.removeAll(values.keySet());
    if (!known.isEmpty()) {
      throw new IllegalStateException("observations has fields the gate cannot fill: " + known);
    }
    return Row.derived(
        TABLE,
        number,
        Arrays.asList(table.schema().fieldNames().stream().map(values::get).toArray()));
  }

  /** The value as the CSV would hold it: no trailing zeros, never an exponent. */
  private static BigDecimal decimal(double value) {
    BigDecimal decimal = BigDecimal.valueOf(value).stripTrailingZeros();
    return decimal.scale() < 0 ? decimal.setScale(0) : decimal;
  }

  private static ImportRefusedException refused(String file, Row row, String zh, String en) {
    return new ImportRefusedException(List.of(new Problem(file, row.number(), 0, zh, en)));
  }
}
