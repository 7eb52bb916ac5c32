package cn.qingtian.portal.charity;

import cn.qingtian.portal.dataset.ReleaseTables;
import cn.qingtian.portal.indicator.ComputedSeries;
import cn.qingtian.portal.indicator.Observation;
import cn.qingtian.portal.indicator.Period;
import cn.qingtian.portal.indicator.Provenance;
import cn.qingtian.portal.release.ReleaseCache;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The registry as the source of the indicator 经登记认定的慈善组织: at each year-end, the organizations
 * recognized by then and not deregistered. The count takes the weakest provenance of the entries it
 * counts (decision D6), so a count that includes DEMO organizations is DEMO.
 */
@Component
class CharityRegistry implements ComputedSeries {

  static final String REGISTRY = "CHARITY_REGISTRY";
  static final String SOURCE = "PORTAL_CHARITY_REGISTRY";

  private final CharityRepository charities;
  private final ReleaseCache<List<Charity>> cache = new ReleaseCache<>();

  CharityRegistry(CharityRepository charities) {
    this.charities = charities;
  }

  Mono<List<Charity>> all(int release) {
    return cache.get(release, number -> charities.charities(number).collectList());
  }

  /** The organization with this code in the release, if any. */
  Mono<Charity> byCode(int release, String code) {
    return all(release)
        .mapNotNull(
            all -> all.stream().filter(c -> c.code().equals(code)).findFirst().orElse(null));
  }

  @Override
  public String computedFrom() {
    return REGISTRY;
  }

  @Override
  public List<Observation> observations(
      ReleaseTables release, String indicatorCode, String geography, int firstYear, int lastYear) {
    List<Registered> dated = new ArrayList<>();
    release
        .table("charities")
        .ifPresent(
            table ->
                table.rows().stream()
                    .filter(row -> table.value(row, "recognized") != null)
                    .forEach(
                        row ->
                            dated.add(
                                new Registered(
                                    table.value(row, "recognized").toString(),
                                    Objects.toString(table.value(row, "deregistered"), null),
                                    Provenance.valueOf((String) table.value(row, "provenance"))))));
    List<Observation> counts = new ArrayList<>();
    if (dated.isEmpty()) {
      return counts;
    }
    for (int year = firstYear; year <= lastYear; year++) {
      int end = year;
      List<Registered> counted =
          dated.stream()
              .filter(c -> Charity.countsAtEndOf(c.recognized(), c.deregistered(), end))
              .toList();
      Provenance provenance =
          Provenance.weakest(
              (counted.isEmpty() ? dated : counted).stream().map(Registered::provenance).toList());
      counts.add(
          new Observation(
              indicatorCode,
              geography,
              Period.parse(Integer.toString(year)),
              Observation.TOTAL,
              counted.size(),
              "家",
              "FINAL",
              provenance,
              SOURCE,
              "按名录年末计数",
              "Counted at year-end from the registry"));
    }
    return counts;
  }

  /** What the count needs of an organization in the registry. */
  private record Registered(
      String recognized, @Nullable String deregistered, Provenance provenance) {}
}
