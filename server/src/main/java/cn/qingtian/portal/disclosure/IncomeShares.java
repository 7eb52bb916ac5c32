package cn.qingtian.portal.disclosure;

import cn.qingtian.portal.indicator.ComputedSeries;
import cn.qingtian.portal.indicator.Observation;
import cn.qingtian.portal.indicator.Period;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * The plan's household income shares (10–50万, 20–60万) as observations, computed from the county row
 * of the protected township table ({@code computed_from = INCOME_TABLES}): the published (rounded)
 * counts of the fine brackets that make up a plan bracket, over the published total. A year with
 * any of them withheld has no share.
 */
@Component
class IncomeShares implements ComputedSeries {

  static final String SOURCE = "PORTAL_INCOME_TABLES";
  private static final Map<String, List<IncomeBracket>> BRACKETS =
      Map.of(
          "HOUSEHOLD_INCOME_100K_500K_SHARE", Disclosure.PLAN_BRACKETS.get("100K_500K"),
          "HOUSEHOLD_INCOME_200K_600K_SHARE", Disclosure.PLAN_BRACKETS.get("200K_600K"));

  private final IncomeRepository repository;

  IncomeShares(IncomeRepository repository) {
    this.repository = repository;
  }

  @Override
  public String computedFrom() {
    return "INCOME_TABLES";
  }

  @Override
  public Flux<Observation> observations(
      int release, String indicatorCode, String geography, int firstYear, int lastYear) {
    List<IncomeBracket> brackets = BRACKETS.get(indicatorCode);
    if (brackets == null) {
      return Flux.empty();
    }
    return repository
        .countyRow(release)
        .filter(c -> c.year() >= firstYear && c.year() <= lastYear)
        .collectMultimap(IncomeCell::year)
        .flatMapIterable(
            byYear ->
                byYear.entrySet().stream()
                    .sorted(Map.Entry.comparingByKey())
                    .map(e -> share(indicatorCode, geography, e.getKey(), e.getValue(), brackets))
                    .flatMap(java.util.Optional::stream)
                    .toList());
  }

  private static java.util.Optional<Observation> share(
      String indicator,
      String geography,
      int year,
      java.util.Collection<IncomeCell> row,
      List<IncomeBracket> brackets) {
    Map<String, IncomeCell> byColumn =
        row.stream().collect(Collectors.toMap(IncomeCell::column, c -> c));
    IncomeCell total = byColumn.get("_T");
    if (total == null || total.count() == null || total.count() == 0) {
      return java.util.Optional.empty();
    }
    long sum = 0;
    for (IncomeBracket bracket : brackets) {
      IncomeCell cell = byColumn.get(bracket.name());
      if (cell == null || cell.count() == null) {
        return java.util.Optional.empty();
      }
      sum += cell.count();
    }
    return java.util.Optional.of(
        new Observation(
            indicator,
            geography,
            Period.parse(Integer.toString(year)),
            Observation.TOTAL,
            Math.round(1000.0 * sum / total.count()) / 10.0,
            "%",
            "FINAL",
            total.provenance(),
            SOURCE,
            "按披露控制后的县级户数（舍入到5）计算",
            "From county household counts after disclosure control (rounded to base 5)"));
  }
}
